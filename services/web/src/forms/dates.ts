import dayjs, { type Dayjs } from 'dayjs';

/** The form's DatePicker value as the API's date `YYYY-MM-DD`; undefined when empty. */
export const isoDate = (value: Dayjs | null | undefined): string | undefined => (value ? value.format('YYYY-MM-DD') : undefined);

/** A date `YYYY-MM-DD` as the DatePicker's value. */
export const pickerDate = (value: string | null | undefined): Dayjs | undefined => (value ? dayjs(value) : undefined);

/** dd/mm/yyyy: how every date a person types or reads is written. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
