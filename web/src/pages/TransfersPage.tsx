// Arms transfers: the case file's transfers and imported ones on a timeline and on a map
// (supplier → recipient), each with the embargo provisions it breaches and its sources.
// Loaded on demand: the world map is only in this page's chunk.
import { useState } from 'react';
import type { Route } from '../router.ts';
import { ErrorMessage, Loading, Progress, Section } from '../components/common.tsx';
import { TimelineChart } from '../components/transfers/TimelineChart.tsx';
import { TransferCard } from '../components/transfers/TransferCard.tsx';
import { TransferMap } from '../components/transfers/TransferMap.tsx';
import { useTransfers } from '../hooks/useTransfers.ts';

export default function TransfersPage(_props: { route: Route }) {
  const { list, transfers, failures, total, done } = useTransfers();
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <div className="page transfers-page">
      <h1>Arms transfers</h1>
      <ErrorMessage error={list.error} what="transfers" />
      {list.loading && <Loading what="transfers" />}
      {list.data && total === 0 && <p className="message">No transfer is recorded. Import a transfers CSV or load the case file.</p>}
      {done < total && <Progress value={done} max={total} label="Transfers loaded and checked against the embargo rules" />}
      {failures.map(([id, e]) => <ErrorMessage key={id} error={e} what={`transfer ${id}`} />)}
      {transfers.length > 0 && (
        <>
          <Section title="Timeline" id="timeline">
            <TimelineChart transfers={transfers} selected={selected} onSelect={setSelected} />
          </Section>
          <Section title="Map: supplier → recipient" id="map">
            <TransferMap transfers={transfers} selected={selected} onSelect={setSelected} />
          </Section>
          <Section title={`Transfers (${transfers.length})`} id="transfer-list">
            <ol className="transfer-list">
              {transfers.map((t) => (
                <TransferCard key={t.id} transfer={t} selected={selected === t.id} onSelect={() => setSelected(t.id)} />
              ))}
            </ol>
          </Section>
        </>
      )}
    </div>
  );
}
