// Add a claim to an entity (analysts and up): a property's value with its source and evidence grade,
// recorded as a new statement in the shared analyst dataset or one of the analyst's workspaces, with the
// signed-in user as its author.
import { useMemo, useState } from 'react';
import { GRADES, type Grade } from '../../api.ts';
import type { EntityProfile } from '../../api/entities.ts';
import { addStatements } from '../../api/statements.ts';
import { valueProps } from '../../lib/ftm.ts';
import { ErrorMessage, Section } from '../common.tsx';
import { WhereSelect } from '../WhereSelect.tsx';

const ANALYST_GRADES = GRADES.filter((g) => g !== 'official');

export function ClaimPanel({ entity, onSaved }: { entity: EntityProfile; onSaved: () => void }) {
  const props = useMemo(() => valueProps(entity.schema), [entity.schema]);
  const [prop, setProp] = useState('');
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [grade, setGrade] = useState<Grade | ''>('');
  const [locator, setLocator] = useState('');
  const [dataset, setDataset] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [saved, setSaved] = useState('');

  async function submit() {
    setBusy(true);
    setError(undefined);
    setSaved('');
    try {
      await addStatements([{ entity_id: entity.id, prop, value: value.trim(), source_document: source.trim(), evidence_grade: grade, locator: locator.trim() || undefined }], dataset || undefined);
      setSaved(`Saved: ${prop} “${value.trim()}” (${grade})${dataset ? ` in ${dataset}` : ''}.`);
      setValue('');
      onSaved();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Add a claim" id="claim">
      <form className="claim-form inline-form" aria-label="Add a claim" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>Property
          <select required value={prop} onChange={(e) => setProp(e.target.value)}>
            <option value="">choose…</option>
            {props.map((p) => <option key={p.name} value={p.name}>{p.label}</option>)}
          </select>
        </label>
        <label>Value<input required value={value} onChange={(e) => setValue(e.target.value)} /></label>
        <label>Source<input required value={source} onChange={(e) => setSource(e.target.value)} placeholder="https://… or a document id" /></label>
        <label>Evidence grade
          <select required value={grade} onChange={(e) => setGrade(ANALYST_GRADES.find((g) => g === e.target.value) ?? '')}>
            <option value="">choose…</option>
            {ANALYST_GRADES.map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <label>Where in the source (optional)<input value={locator} onChange={(e) => setLocator(e.target.value)} placeholder="page 3, paragraph 2" /></label>
        <WhereSelect value={dataset} onChange={setDataset} />
        <button type="submit" disabled={busy || !prop || !value.trim() || !source.trim() || !grade}>Add claim</button>
      </form>
      <ErrorMessage error={error} what={undefined} />
      {saved && <p className="message success" role="status">{saved}</p>}
    </Section>
  );
}
