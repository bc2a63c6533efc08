import ArgumentParser
import Core
import Foundation
import XML

struct XBRLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xbrl",
        abstract: "Read an XBRL instance (BDAP): its counts, or its facts (--facts).",
        discussion: """
        The instance is streamed: facts are printed as they are read, so memory
        stays flat on large files. Summary:
          {"schema_refs":[…],"contexts":N,"units":N,"facts":N}
        With --facts, one JSON line per fact:
          {"concept":"{namespace}Name","context":"c1","unit":"EUR",
           "decimals":"2","value":"…","nil":false}
        `piani extract` and `piani ingest` map the facts to records (fact,
        budget_line).
        """
    )

    @Argument(help: "The XBRL instance.")
    var file: String

    @Flag(help: "Print every fact as a JSON line.")
    var facts = false

    func run() throws {
        var count = 0
        let printFacts = facts
        do {
            let header = try XBRLReader().read(path: file) { fact in
                count += 1
                if printFacts { Output.line(Self.json(fact)) }
            }
            guard !printFacts else { return }
            Output.line(JSONValue.object([
                ("schema_refs", .array(header.schemaRefs.map { .string($0) })), ("contexts", .number(Double(header.contexts.count))),
                ("units", .number(Double(header.units.count))), ("facts", .number(Double(count))),
            ]).serialized)
        } catch let error as XMLInputError {
            Output.error(error.description)
            throw ExitCode(1)
        }
    }

    static func json(_ fact: XBRLFact) -> String {
        var pairs: [(String, JSONValue)] = [("concept", .string(fact.concept.description)), ("context", .string(fact.contextRef))]
        if let unit = fact.unitRef { pairs.append(("unit", .string(unit))) }
        if let decimals = fact.decimals { pairs.append(("decimals", .string(decimals))) }
        pairs += [("value", .string(fact.value)), ("nil", .bool(fact.isNil))]
        return JSONValue.object(pairs).serialized
    }
}
