/// A total row's label: "TOTALE TITOLO 3" (titolo, with its code), "TOTALE PROGRAMMA", "TOTALE ENTRATE",
/// "TOTALE SPESA", "Totale titoli"; its rank orders the totals (a total closes those of lower rank).
struct BudgetTotal: Equatable {
    var level: String?
    var rank: Int
    var titleCode: String?

    static func read(_ label: String, vocabulary: ListingVocabulary) -> BudgetTotal? {
        let words = TextFolding.words(label).split(separator: " ").map(String.init)
        guard let first = words.first, vocabulary.totalWords.contains(first) else { return nil }
        guard words.count > 1, let named = vocabulary.totalLevels.first(where: { $0.word == words[1] }) else {
            return BudgetTotal(level: nil, rank: vocabulary.unnamedTotalRank)
        }
        var total = BudgetTotal(level: named.level, rank: named.rank)
        if vocabulary.codedTotalLevels.contains(named.level), words.count > 2, words[2].allSatisfy(\.isASCIIDigit) { total.titleCode = words[2] }
        return total
    }
}
