// What became of the chats handed to people in the period: answered, still waiting for a first
// reply, or ended without one (the figures the medians below leave out).
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseTimes } from '../api/inbox-types';
import { FigureCard as Figure } from '../../shared/FigureCard';

export function HandoffSummary({ handoffs }: { handoffs: ResponseTimes['handoffs'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="report-handoffs">
      <Figure testId="handoffs-total" label={t('reports.handoffs.total')} value={handoffs.total} />
      <Figure
        testId="handoffs-answered"
        label={t('reports.handoffs.answered')}
        value={handoffs.answered}
        hint={handoffs.total > 0 ? t('reports.handoffs.answeredShare', { percent: Math.round((100 * handoffs.answered) / handoffs.total) }) : undefined}
      />
      <Figure testId="handoffs-waiting" label={t('reports.handoffs.waiting')} value={handoffs.waiting} hint={t('reports.handoffs.waitingHint')} />
      <Figure
        testId="handoffs-unanswered"
        label={t('reports.handoffs.unanswered')}
        value={handoffs.unanswered}
        alert={handoffs.unanswered > 0}
        hint={handoffs.noAgent > 0 ? t('reports.handoffs.noAgent', { count: handoffs.noAgent }) : t('reports.handoffs.unansweredHint')}
      />
    </SimpleGrid>
  );
}
