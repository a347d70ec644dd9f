// The index a batch (`interdict screen`) screens against: the screenable entities of its scope, read
// back from the batch's saved snapshot when the live versions, judgements and matching code are those
// it was built with, else built once and saved. Worker threads are handed the serialised index and
// read it (a fraction of a second each) instead of each computing every name's keys again.
import type { EntityReader } from '../store/types.ts';
import { CandidateIndex, type PackedPrepared } from './candidate-index.ts';
import type { IndexBytes } from './worker-protocol.ts';
import type { MatchEngine } from './engine.ts';
import { indexFromBytes, indexSnapshotKey, indexToBytes, preparedCount, readSavedIndex, saveIndexSnapshot, savePreparedSnapshot } from './index-snapshot.ts';
import { loadScreenableEntities, resolutionKeyOf } from './service.ts';

export interface BatchIndex {
  /** Read from a saved snapshot (true) or built now. */
  saved: boolean;
  /** The index itself, for screening on this thread. */
  index(): CandidateIndex;
  /** The index serialised, for worker threads (pool.ts), with the prepared forms a run before saved beside it. */
  bytes(): IndexBytes;
  /** How many entities have saved prepared forms. */
  preparedCount: number;
  /** Saves the prepared forms a run's workers made, for the next run (when the index is saved and still current). */
  savePrepared(packed: PackedPrepared): Promise<void>;
}

/** `snapshotDir`: where snapshots are kept (none: always built); `log` hears why one was not saved. */
export async function batchIndex(reader: EntityReader, datasets: string[], engine: MatchEngine, snapshotDir?: string, log?: (m: string) => void): Promise<BatchIndex> {
  // Targets depend on every sanctions list, not only the scope's datasets: the key names all live versions.
  const keyNow = async () => indexSnapshotKey(await reader.liveVersions(), `batch:${[...datasets].sort().join(',')}`, await resolutionKeyOf(reader));
  const key = snapshotDir ? await keyNow() : '';
  const saved = snapshotDir ? await readSavedIndex(snapshotDir, key, 'screening-cli-') : undefined;
  // Written whole then renamed, and named by the code that wrote it: read without a check here (the
  // pool's workers would read it twice over); an unreadable one fails with a clear error.
  const savePrepared = async (packed: PackedPrepared) => {
    if (snapshotDir && (await keyNow()) === key) {
      await savePreparedSnapshot(snapshotDir, key, 'screening-cli-', packed).catch((err) => log?.(`prepared names not saved: ${(err as Error).message}`));
    }
  };
  if (saved) {
    const { bytes, prepared } = saved;
    let index: CandidateIndex | undefined;
    const read = () => {
      const readable = indexFromBytes(bytes, engine, prepared);
      if (!readable) throw new Error(`the saved screening index in ${snapshotDir} cannot be read: remove it to rebuild`);
      return readable;
    };
    return { saved: true, index: () => (index ??= read()), bytes: () => ({ snapshot: bytes, prepared }), preparedCount: prepared ? preparedCount(prepared) : 0, savePrepared };
  }
  const index = CandidateIndex.build(await loadScreenableEntities(reader, datasets), engine);
  let serialised: Uint8Array | undefined;
  const toBytes = () => (serialised ??= indexToBytes(index));
  // Saved only if neither a version nor the judgements changed while it was built.
  if (snapshotDir && (await keyNow()) === key) {
    await saveIndexSnapshot(snapshotDir, key, toBytes(), 'screening-cli-').catch((err) => log?.(`screening index not saved: ${(err as Error).message}`));
  }
  return { saved: false, index: () => index, bytes: () => ({ snapshot: toBytes() }), preparedCount: 0, savePrepared };
}
