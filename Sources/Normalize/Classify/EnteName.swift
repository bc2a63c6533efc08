/// Spelling of an ente's name: a name written in capitals is given capitals only at the start of
/// words, articles and prepositions in lower case ("CAZZAGO SAN MARTINO" → "Cazzago San Martino",
/// "CASTIGLIONE DELLE STIVIERE" → "Castiglione delle Stiviere"). Other names are kept as written.
enum EnteName {
    static let lowercaseWords: Set<String> = [
        "di", "de", "del", "della", "delle", "dei", "degli", "dello", "d'", "sul", "sulla", "sull'",
        "al", "alla", "all'", "in", "nel", "nell'", "e", "ed", "con", "sotto", "sopra",
    ]

    static func normalize(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: " .,;:*")
        guard !trimmed.contains(where: \.isLowercase) else { return String(trimmed) }
        return trimmed.split(separator: " ").enumerated().map { index, word in
            capitalize(String(word), isFirst: index == 0)
        }.joined(separator: " ")
    }

    /// "SANT'ANGELO" → "Sant'Angelo", "DELL'ADDA" → "dell'Adda".
    private static func capitalize(_ word: String, isFirst: Bool) -> String {
        let lower = word.lowercased()
        if let apostrophe = lower.firstIndex(where: { TextFolding.apostrophes.contains($0) }) {
            let head = String(lower[...apostrophe])
            let tail = String(lower[lower.index(after: apostrophe)...])
            let headSpelled = !isFirst && lowercaseWords.contains(TextFolding.fold(head)) ? head : capitalizedFirst(head)
            return headSpelled + capitalizedFirst(tail)
        }
        if !isFirst && lowercaseWords.contains(lower) { return lower }
        return lower.split(separator: "-", omittingEmptySubsequences: false).map { capitalizedFirst(String($0)) }.joined(separator: "-")
    }

    private static func capitalizedFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
