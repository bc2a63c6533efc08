extension DocumentNormalizer {
    /// Builders of `budget_line`, `staff`, `risk` and `entity` records.
    static func listingBuilders(_ vocabulary: ListingVocabulary) -> [RecordBuilder] {
        [BudgetLineBuilder(vocabulary: vocabulary), RiskBuilder(), StaffBuilder(vocabulary: vocabulary), EntityBuilder(vocabulary: vocabulary)]
    }
}
