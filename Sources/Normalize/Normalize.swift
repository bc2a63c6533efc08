/// The Normalize stage's text-level foundations:
///
/// - `ValueParser` turns cell and field texts into `Core.Value`s (Italian numbers, amounts,
///   percentages, units, comparators, booleans, dates, deadlines), `YearRange` reads year spans;
/// - `LabelDictionary` (from `Resources/labels.yml` and overrides) and `LabelMatcher` map raw
///   Italian labels to `(RecordType, field)`;
/// - `DocumentClassifier` reads ente, document type, period, reference date and approval act
///   from a document's first pages.
///
/// Vocabulary is data: `labels.yml` for labels and document keywords, `vocabulary.yml` for the words of
/// the record builders and value parsers (`Vocabulary`, decoded into `ListingVocabulary`,
/// `ObjectiveVocabulary` and `ValueVocabulary`).
import Core
