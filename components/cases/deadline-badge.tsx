import { getFormatter, getTranslations } from 'next-intl/server';
import { deadlineState } from '@/lib/platforms/deadline';

/** The appeal deadline with its countdown; within 3 days it turns to a warning. */
export async function DeadlineBadge({ deadline, now }: { deadline: Date | null; now: Date }) {
  const [t, format] = await Promise.all([getTranslations('deadline'), getFormatter()]);
  if (!deadline) return <span className="badge">{t('none')}</span>;
  const { daysLeft, level } = deadlineState(deadline, now);
  const date = format.dateTime(deadline, { dateStyle: 'medium', timeZone: 'UTC' });
  const label =
    level === 'passed' ? t('passed', { days: -daysLeft }) : level === 'today' ? t('today') : t('daysLeft', { days: daysLeft });
  return (
    <span className={`badge badge-${level}`} data-testid="deadline" data-level={level}>
      {date} · {label}
    </span>
  );
}
