extension DocumentNormalizer {
    /// Builders of `budget_line`, `staff`, `risk` and `entity` records.
    static var listingBuilders: [RecordBuilder] { [BudgetLineBuilder(), RiskBuilder(), StaffBuilder(), EntityBuilder()] }
}
