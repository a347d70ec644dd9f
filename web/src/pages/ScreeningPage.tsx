// Screening console: one query with explained results, or a batch of CSV rows with progress.
import { SingleQueryPanel } from '../components/screening/SingleQueryPanel.tsx';
import { BatchPanel } from '../components/screening/BatchPanel.tsx';

export function ScreeningPage() {
  return (
    <div className="page screening-page">
      <h1>Screening</h1>
      <SingleQueryPanel />
      <BatchPanel />
    </div>
  );
}
