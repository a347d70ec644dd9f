// One transfer: route and parties, items and numbers, the deal it belongs to, the embargo
// provisions it breaches element by element, and the claims and sources behind it.
import type { RuleFinding, TransferParty } from '../../api/transfers.ts';
import { isDesignated, type TransferView } from '../../lib/transferView.ts';
import { EntityLink, GradeBadge, SanctionedBadge } from '../common.tsx';
import { countryName } from '../../lib/ftm.ts';
import { formatDate } from '../../lib/format.ts';
import { SourceLink } from '../SourceLink.tsx';

export function TransferCard({ transfer: t, selected, onSelect }: { transfer: TransferView; selected: boolean; onSelect: () => void }) {
  const { detail: d, check } = t;
  const verdicts = VERDICT_ORDER.filter((v) => t.breaches.some((b) => b.verdict === v));
  return (
    <li className={`transfer card${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined}>
      <div className="transfer-head">
        <button type="button" className="linkish transfer-title" onClick={onSelect}>{t.caption}</button>
        <GradeBadge grade={check.evidence.grade} />
        {d.status.map((s) => <span key={s} className="tag">{s}</span>)}
      </div>
      <div className="transfer-route">
        <time>{t.dateText ?? 'undated'}</time>{' · '}
        <Parties nodes={t.supplier} fallback={t.supplierCountries} /> <span aria-label="to">→</span>{' '}
        {t.intermediaries.length > 0 && <><span className="muted">via</span> <Parties nodes={t.intermediaries} fallback={[]} /> <span aria-hidden="true">→</span>{' '}</>}
        <Parties nodes={t.recipient} fallback={t.recipientCountries} />
        {d.means.length > 0 && <span className="muted"> · by {d.means.join(', ')}</span>}
      </div>
      {t.items.length > 0 && <div className="small"><span className="muted">Items:</span> {t.items.join('; ')}{d.quantity.length ? ` · ${d.quantity.join('; ')}` : ''}</div>}
      {(d.numberOrdered || d.numberDelivered) && (
        <div className="small"><span className="muted">Numbers:</span> {d.numberOrdered ? `ordered ${d.numberOrdered.text}` : ''}{d.numberOrdered && d.numberDelivered ? ', ' : ''}{d.numberDelivered ? `delivered ${d.numberDelivered.text}` : ''} <span className="muted">(? uncertain)</span></div>
      )}
      {d.route.length > 0 && <div className="small"><span className="muted">Route:</span> {d.route.join('; ')}</div>}
      {(d.deal || d.inExchangeFor.length > 0) && (
        <div className="small">
          <span className="muted">Deal:</span> {d.deal ?? 'barter'}{d.leg ? ` (${d.leg === 'counter' ? 'the counter-flow leg' : 'the arms leg'})` : ''}
          {d.inExchangeFor.length > 0 && <> · in exchange for {d.inExchangeFor.map((x, i) => <span key={x}>{i > 0 ? ', ' : ''}<EntityLink id={x} caption={x} /></span>)}</>}
        </div>
      )}
      <div className="violations">
        <h3>Embargo provisions: {check.verdict}</h3>
        {verdicts.length === 0 && <span className="small">None: no provision applies to this transfer's date, direction, parties and items.</span>}
        {verdicts.map((v) => (
          <div key={v}>
            <h4 className="verdict">{VERDICT_TITLES[v]}</h4>
            <ViolationList items={t.breaches.filter((b) => b.verdict === v)} />
          </div>
        ))}
        {check.context.length > 0 && <ul className="small muted context">{check.context.map((c, i) => <li key={i}>{c}</li>)}</ul>}
      </div>
      <div className="claims small">
        <h3>Claims and sources</h3>
        <ul className="provenance">
          {t.claims.map((c, i) => (
            <li key={i}>
              <GradeBadge grade={c.evidenceGrade} /> {c.sourceDocument ? <SourceLink source={c.sourceDocument} locator={c.locator} /> : 'unsourced'}
              {c.locator && <span className="locator"> · {c.locator}</span>}
              {c.claimDate && <span className="muted"> · {formatDate(c.claimDate)}</span>}
              {c.status.length > 0 && <span className="muted"> · {c.status.join(', ')}</span>}
              {c.notes.length > 0 && <div>{c.notes.join(' ')}</div>}
            </li>
          ))}
        </ul>
        {check.evidence.caveat && <p className="muted">{check.evidence.caveat}</p>}
      </div>
    </li>
  );
}

const VERDICT_ORDER = ['breach', 'probable breach', 'possible breach', 'attempted or prospective breach'];
const VERDICT_TITLES: Record<string, string> = {
  breach: 'Breach (every necessary element corroborated or better)',
  'probable breach': 'Probable breach (the weakest element is only reported)',
  'possible breach': 'Possible breach (an element is alleged, or turns on a reading, a date range or a determination)',
  'attempted or prospective breach': 'Attempted or prospective breach (negotiated, planned, ordered or attempted)',
};

function ViolationList({ items }: { items: RuleFinding[] }) {
  if (!items.length) return null;
  return (
    <ul>
      {items.map((v, i) => (
        <li key={i} className={`violation ${v.verdict.replace(/ /g, '-')}`}>
          <strong>{v.verdict}: {v.instrument} para {v.paragraph}</strong>
          {v.citation.url ? <> (<a href={v.citation.url} rel="noreferrer noopener">{v.citation.symbol}</a>)</> : null}
          {v.grade && <> <GradeBadge grade={v.grade} /></>}
          {v.summary && <div className="small">{v.summary}{v.verified === 'summary' ? ' (our summary; check against the resolution text)' : ''}</div>}
          {v.elements.length > 0 && (
            <details className="inline-details">
              <summary>element by element ({v.elements.length}; the finding is as strong as the weakest)</summary>
              <ul className="small reasons">
                {v.elements.map((e, j) => (
                  <li key={j}>{e.holds === 'uncertain' && <span className="tag">uncertain</span>} {e.reason}</li>
                ))}
                {v.reasons.slice(v.elements.length).map((r, j) => <li key={`n${j}`} className="muted">{r}</li>)}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

function Parties({ nodes, fallback }: { nodes: TransferParty[]; fallback: string[] }) {
  if (!nodes.length) return <span>{fallback.map(countryName).join(', ') || 'unknown'}</span>;
  return (
    <span>
      {nodes.map((n, i) => (
        <span key={n.id}>{i > 0 ? ', ' : ''}<EntityLink id={n.id} caption={n.caption} />{isDesignated(n) && <SanctionedBadge />}</span>
      ))}
    </span>
  );
}
