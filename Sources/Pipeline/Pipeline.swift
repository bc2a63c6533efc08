/// The batch stage: `piani ingest` (configuration, catalog, workers, manifest, rejects).
import Core
