import Core
import Foundation
import Normalize
import PDF
import XML

/// How an input is read, from its content: PDF through poppler, XHTML/HTML, DOCX and ODT through the XML module,
/// XBRL instances streamed into fact (and budget_line) records.
/// A file sniffed as nothing supported still goes to the PDF reader when it is named `.pdf`, so its error stays
/// the PDF one ("not a PDF file", "damaged PDF").
public enum DocumentInput {
    public enum Route: Sendable, Equatable {
        case pdf
        case markup(DocumentFormat)
        /// An XBRL instance: its facts are records of their own, not blocks and tables.
        case xbrl
        /// Not read: why, in words.
        case refused(String)
    }

    public static func route(_ path: String) -> Route {
        route(DocumentFormat.detect(path: path), path: path)
    }

    static func route(_ format: DocumentFormat, path: String) -> Route {
        switch format {
        case .pdf: return .pdf
        case .docx, .odt, .xhtml, .html: return .markup(format)
        case .xbrl: return .xbrl
        case .unsupported(let reason):
            return (path as NSString).pathExtension.lowercased() == "pdf" || !FileManager.default.fileExists(atPath: path)
                ? .pdf : .refused("unsupported input: \(reason)")
        }
    }

    /// The reason a folder's file is left out of a run, nil when the file is read (PDF by name or content, or
    /// a markup format or XBRL instance by content).
    public static func skipReason(_ path: String) -> String? {
        if (path as NSString).pathExtension.lowercased() == "pdf" { return nil }
        switch DocumentFormat.detect(path: path) {
        case .pdf, .docx, .odt, .xhtml, .html, .xbrl: return nil
        case .unsupported(let reason): return "not a supported format: \(reason)"
        }
    }
}

extension MarkupContent {
    /// The items on the selected pages (nil: all), for the normalizer, in document order.
    public func documentItems(pages: Set<Int>? = nil) -> [DocumentItem] {
        DocumentItem.inOrder(selecting(pages: pages).items.map { item in
            switch item {
            case .block(let block): return .block(block)
            case .table(let table): return .table(table)
            }
        })
    }

    public func selecting(pages: Set<Int>?) -> MarkupContent {
        guard let pages else { return self }
        var selected = self
        selected.items = items.filter { item in
            switch item {
            case .block(let block): return pages.contains(block.page)
            case .table(let table): return pages.contains(table.page)
            }
        }
        return selected
    }
}
