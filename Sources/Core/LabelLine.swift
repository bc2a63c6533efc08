/// "Label: value" at the start of a line, told the same way whatever the document was read from (the words of a PDF
/// line, the runs of a markup paragraph), so both routes make the same `label_value` blocks of the same lines.
public enum LabelLine {
    public struct Word: Sendable, Hashable {
        public var text: String
        public var isBold: Bool

        public init(_ text: String, isBold: Bool) {
            self.text = text
            self.isBold = isBold
        }
    }

    public struct Settings: Sendable, Hashable {
        /// The colon that ends a label comes within this many words.
        public var maxLabelWords = 10
        /// A label that is not bold is a capitalised phrase of at most this many words ("Obiettivo strategico:").
        public var maxPlainLabelWords = 6

        public init() {}
    }

    /// The words of the label when the line starts "Label: value": a bold run ending with a colon (its value may be
    /// on the lines below), or a short capitalised phrase ending with a colon and followed by its value.
    public static func labelWordCount(_ words: [Word], settings: Settings = Settings()) -> Int? {
        guard let colon = words.prefix(settings.maxLabelWords).firstIndex(where: { $0.text.hasSuffix(":") }) else { return nil }
        let label = words[...colon]
        let boldLabel = label.allSatisfy(\.isBold)
        let startsCapital = label.first?.text.first?.isUppercase ?? false
        // "Re.Gis) Torrente …:" is a sentence running on from the line above, not a label.
        let labelText = label.map(\.text).joined()
        guard labelText.filter({ $0 == "(" }).count == labelText.filter({ $0 == ")" }).count else { return nil }
        let hasValue = colon < words.count - 1 || boldLabel
        guard hasValue, boldLabel || (startsCapital && colon < settings.maxPlainLabelWords) else { return nil }
        return colon + 1
    }
}
