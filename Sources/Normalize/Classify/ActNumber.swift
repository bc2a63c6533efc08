/// The number of an act: "n. 32", "nr. 100", "numero 7", "n. 32/2025".
/// `markers` are the folded words before the number (`act_number_markers` of labels.yml's `document:` section).
enum ActNumber {
    static func find(in text: String, markers: Set<String>) -> String? {
        let tokens = PhraseTokenizer.tokenize(TextFolding.fold(text))
        for (index, token) in tokens.enumerated() {
            guard case .word(let word) = token, markers.contains(word) else { continue }
            var next = index + 1
            if next < tokens.count, tokens[next] == .other(".") { next += 1 }
            guard next < tokens.count else { continue }
            switch tokens[next] {
            case .number(let value, _): return "\(value)"
            case .other(let chunk) where chunk.first?.isASCIIDigit == true: return chunk
            default: continue
            }
        }
        return nil
    }
}
