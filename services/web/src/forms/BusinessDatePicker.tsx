import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam } from '../logic/dates';
import { DATE_FORMAT } from './dates';

interface Props {
  id?: string;
  value?: Dayjs | null;
  onChange?: (day: Dayjs | null) => void;
  disabled?: boolean;
  /** Dates after today may be picked (a deadline, a date to read as of). */
  future?: boolean;
  'data-testid'?: string;
}

/** A date, typed or picked dd/mm/yyyy; never after today in Vietnam unless `future` is allowed. */
export function BusinessDatePicker({ future = false, onChange, ...props }: Props) {
  const today = dayjs(todayInVietnam());
  return (
    <DatePicker
      format={DATE_FORMAT}
      style={{ width: '100%', maxWidth: 220 }}
      disabledDate={future ? undefined : (day) => day.isAfter(today, 'day')}
      onChange={(day) => onChange?.(day ?? null)}
      {...props}
    />
  );
}
