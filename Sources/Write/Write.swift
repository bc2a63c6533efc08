/// The Write stage: JSONL and CSV outputs per record type, JSON Schema and SQL DDL from `Core.Schema`.
import Core
