import { Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigForm } from './generic/ConfigForm';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';
import { peopleApi } from '../../inbox/api/people-api';
import type { Team } from '../../inbox/api/inbox-types';

/** The workspace's teams (Settings → Teams); null while loading. */
function useTeams(): Team[] | null {
  const [teams, setTeams] = useState<Team[] | null>(null);
  useEffect(() => {
    peopleApi.teams().then(setTeams, () => setTeams([]));
  }, []);
  return teams;
}

const GENERATED_OMIT = ['team'] as const;

export function TransferPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'transfer');
  const teams = useTeams();
  return (
    <Stack gap="md">
      <Select
        label={t('builder.transfer.team')}
        description={t('builder.transfer.teamHint')}
        placeholder={teams === null ? t('builder.transfer.teamsLoading') : t('builder.transfer.teamPlaceholder')}
        // An empty team means "anyone", which the schema spells null. A team deleted since (or an old
        // free-text value) still shows, so saving the panel never drops it silently.
        data={[
          ...(teams ?? []).map((x) => ({ value: x.id, label: x.name })),
          ...(config.team && teams && !teams.some((x) => x.id === config.team) ? [{ value: config.team, label: t('builder.transfer.unknownTeam') }] : []),
        ]}
        value={config.team ?? null}
        onChange={(team) => patch({ team: team ?? null })}
        clearable
        nothingFoundMessage={t('builder.transfer.noTeams')}
        data-testid="transfer-team"
      />
      <ConfigForm nodeId={nodeId} type="transfer" omit={GENERATED_OMIT} />
    </Stack>
  );
}
