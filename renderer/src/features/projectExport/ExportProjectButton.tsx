import type { TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { useNetwork } from '../../hooks/useNetwork';
import { exportFileName, projectExport } from './projectExport';

/** Downloads the project as JSON (name, objective, requirements, constraints, accepted team). */
export function ExportProjectButton({ id, name, objective, plan }: { id: string; name: string; objective: string; plan: TeamPlan }) {
  const { net } = useNetwork();
  const download = () => {
    const data = projectExport({ id, name, objective, plan, people: net.people });
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(name);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="secondary" onClick={download} data-testid="export-project" title="Download this project as a JSON file">
      Export JSON
    </button>
  );
}
