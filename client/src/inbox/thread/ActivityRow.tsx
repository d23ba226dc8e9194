// One activity line in the thread: what happened and when, centred between the messages.
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { clockTime } from '../../shared/clock-time';
import type { ActivityLine } from '../api/inbox-types';
import { activityText } from './activity-text';
import classes from './thread.module.css';

export function ActivityRow({ line }: { line: ActivityLine }) {
  const { t, i18n } = useTranslation();
  const meId = useAuthStore((s) => s.user?.id);
  const time = clockTime(i18n.language, line.at);
  return (
    <div className={classes.activity} data-testid="activity-line" data-type={line.type}>
      {activityText(line, t, meId, i18n.language)} · <time dateTime={line.at}>{time}</time>
    </div>
  );
}
