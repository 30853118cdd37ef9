import { formatDate } from './dates';
import type { Language } from './language';

/**
 * The field messages of the API's contracts and domain, in Vietnamese. A
 * message not known here is shown as the server wrote it.
 */
const EXACT: Record<string, string> = {
  'is required': 'Bắt buộc nhập',
  Required: 'Bắt buộc nhập',
  'must not be empty': 'Không được để trống',
  'must be a string': 'Phải là văn bản',
  'must be a date YYYY-MM-DD': 'Phải là một ngày hợp lệ',
  'is not a calendar date': 'Không phải là một ngày có thật',
  'must be well-formed Unicode text': 'Văn bản có ký tự không hợp lệ',
  'must be an agency or group id': 'Phải là mã cơ quan hoặc nhóm cơ quan',
  'must be a number from 0 to 100': 'Phải là số từ 0 đến 100',
  'needs at least one lead agency or group': 'Cần ít nhất một cơ quan chủ trì',
  'needs at least one task': 'Cần ít nhất một nhiệm vụ',
  'is required for an agency officer': 'Bắt buộc đối với cán bộ cơ quan thực hiện',
  'must name at least one role': 'Phải chọn ít nhất một vai trò',
  'must be a list of roles': 'Phải chọn vai trò',
  'must be more than 0': 'Phải lớn hơn 0',
  'must be a number of days': 'Phải là số ngày',
  'must be at most 366 days': 'Tối đa 366 ngày',
  'must be a period: YYYY, YYYY-Q1..Q4 or YYYY-MM': 'Kỳ phải có dạng YYYY, YYYY-Q1..Q4 hoặc YYYY-MM',
  'must be a file name without a path, control characters or direction marks': 'Tên tệp không hợp lệ',
  'must be a media type such as application/pdf': 'Kiểu tệp không hợp lệ',
  'must be base64 text': 'Nội dung tệp không hợp lệ',
  'must be 2 to 64 of a-z, 0-9, ".", "_", "-", starting with a letter or a digit':
    'Gồm 2 đến 64 ký tự a-z, 0-9, ".", "_", "-", bắt đầu bằng chữ hoặc số',
  'must be a text, or { directiveId, text? } linking a recorded directive': 'Phải là văn bản, hoặc liên kết tới một văn bản đã ghi nhận',
  'must be the id of a directive': 'Phải là mã của một văn bản chỉ đạo',
  'a recurring task has its rule for a deadline: give deadline null': 'Nhiệm vụ định kỳ không có thời hạn cố định',
  'name members to add or remove': 'Chọn cơ quan cần thêm hoặc bớt',
  'accepted must be true or false': 'Phải chọn chấp nhận hoặc trả lại',
  'is not a recorded directive': 'Không phải văn bản đã ghi nhận',
  'is issued later': 'Được ban hành sau văn bản này',
};

const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
/** What the domain names a date a business date may not precede (requireOnOrAfter, requireNotBeforeRecorded). */
const PLACES: Record<string, string> = {
  'the issue date': 'ngày ban hành',
  "the assignment's start": 'ngày bắt đầu giao nhiệm vụ',
  'the reported completion': 'ngày báo cáo hoàn thành',
  'the date it reports': 'ngày được báo cáo',
  'the directive was issued': 'ngày ban hành văn bản',
  'the assignment started': 'ngày bắt đầu giao nhiệm vụ',
  'the effective date': 'ngày có hiệu lực',
  'the completion was accepted': 'ngày xác nhận hoàn thành',
  'the last completion was returned': 'ngày trả lại báo cáo hoàn thành gần nhất',
  'the last completion was reopened': 'ngày mở lại gần nhất',
};
const PLACE_PATTERNS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^task (\S+) was added$/, (n) => `ngày bổ sung nhiệm vụ ${n}`],
  [/^the assignment of (\S+) started$/, (id) => `ngày giao nhiệm vụ cho ${id}`],
  [/^the last date recorded on the assignment of (\S+)$/, (id) => `ngày gần nhất đã ghi nhận cho ${id}`],
  [new RegExp(String.raw`^the deadline in force \(effective ${DATE}\)$`), () => 'ngày thời hạn hiện hành có hiệu lực'],
];
const place = (name: string) => {
  if (Object.hasOwn(PLACES, name)) return PLACES[name];
  for (const [pattern, say] of PLACE_PATTERNS) {
    const match = pattern.exec(name);
    if (match) return say(...match.slice(1));
  }
  return name;
};

const PATTERNS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^must be at least (\d+) characters$/, (n) => `Phải có ít nhất ${n} ký tự`],
  [/^must be at most (\d+) characters$/, (n) => `Không được quá ${n} ký tự`],
  [/^String must contain at most (\d+) character\(s\)$/, (n) => `Không được quá ${n} ký tự`],
  [/^String must contain at least (\d+) character\(s\)$/, (n) => `Phải có ít nhất ${n} ký tự`],
  [/^Array must contain at least (\d+) element\(s\)$/, (n) => `Phải chọn ít nhất ${n} mục`],
  [/^must be at least (-?\d+)$/, (n) => `Phải từ ${n} trở lên`],
  [/^must be at most (-?\d+)$/, (n) => `Không được lớn hơn ${n}`],
  [/^must be at most (\d+) bytes$/, (n) => `Tệp không được lớn hơn ${Math.round(Number(n) / 1024 / 1024)} MB`],
  [/^must be one of (.+)$/, (list) => `Phải là một trong: ${list}`],
  [
    new RegExp(String.raw`^\S+ ${DATE} is in the future \(today is ${DATE}\)$`),
    (d, t) => `Ngày ${formatDate(d)} chưa đến (hôm nay là ${formatDate(t)})`,
  ],
  [
    new RegExp(String.raw`^\S+ ${DATE} is before (.+) \(${DATE}\)$`),
    (d, name, f) => `Ngày ${formatDate(d)} trước ${place(name)} (${formatDate(f)})`,
  ],
  [/^is not valid on (.+)$/, (on) => `Không còn hiệu lực vào ngày ${on}`],
  [/^ended on (.+)$/, (on) => `Đã kết thúc ngày ${on}`],
  [/^ended; address (.+)$/, (ids) => `Đã kết thúc; hãy giao cho ${ids.replace(/ or /g, ' hoặc ')}`],
  [new RegExp(String.raw`^task (\S+) already has deadline ${DATE}$`), (n, d) => `Nhiệm vụ ${n} đã có thời hạn ${formatDate(d)}`],
  [/^task (\S+) already has deadline null$/, (n) => `Nhiệm vụ ${n} đã không có thời hạn`],
  [/^task (\S+) is cancelled$/, (n) => `Nhiệm vụ ${n} đã bị hủy`],
  [/^task (\S+) has no open assignment$/, (n) => `Nhiệm vụ ${n} không còn cơ quan nào đang thực hiện`],
  [/^task (\S+) has no open assignment of (\S+)$/, (n, id) => `${id} không còn thực hiện nhiệm vụ ${n}`],
  [/^task (\S+) recurs: its deadline is its rule$/, (n) => `Nhiệm vụ ${n} là nhiệm vụ định kỳ, không đổi được thời hạn`],
  [/^task number (\S+) is repeated$/, (n) => `Số nhiệm vụ ${n} bị trùng`],
  [/^directive (.+) is already issued$/, (n) => `Văn bản ${n} đã được ban hành`],
  [
    new RegExp(String.raw`^the completion of ${DATE} is still awaiting confirmation$`),
    (d) => `Báo cáo hoàn thành ngày ${formatDate(d)} đang chờ xác nhận`,
  ],
  [
    new RegExp(String.raw`^the completion of ${DATE}(?: for \S+)? is already confirmed$`),
    (d) => `Hoàn thành ngày ${formatDate(d)} đã được xác nhận`,
  ],
  [/^no reported completion(?: for \S+)? is awaiting confirmation$/, () => 'Không có báo cáo hoàn thành nào đang chờ xác nhận'],
  [
    /^a coordinating agency reports progress; the lead agency completes$/,
    () => 'Cơ quan phối hợp chỉ báo cáo tiến độ; cơ quan chủ trì báo cáo hoàn thành',
  ],
  [/^The account (\S+) already exists$/, (u) => `Tài khoản ${u} đã tồn tại`],
  [/^The account (\S+) is disabled$/, (u) => `Tài khoản ${u} đã bị vô hiệu hóa`],
];

/** The message in the language asked: Vietnamese where it is known, else as written. */
export function translateMessage(message: string, language: Language): string {
  if (language !== 'vi') return message;
  if (Object.hasOwn(EXACT, message)) return EXACT[message];
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
}
