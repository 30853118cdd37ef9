import { attachmentRequest, createAccountRequest, progressRequest } from '@dm/contracts/web';
import { translateMessage } from './messages';

const vi = (m: string) => translateMessage(m, 'vi');

describe('field messages in Vietnamese', () => {
  it('translates the messages of the request schemas', () => {
    expect(vi('is required')).toBe('Bắt buộc nhập');
    expect(vi('must not be empty')).toBe('Không được để trống');
    expect(vi('is not a calendar date')).toBe('Không phải là một ngày có thật');
    expect(vi('must be at least 12 characters')).toBe('Phải có ít nhất 12 ký tự');
    expect(vi('must be at most 100')).toBe('Không được lớn hơn 100');
  });

  it('translates what the domain says of business dates, with dates dd/mm/yyyy', () => {
    expect(vi('reportedOn 2027-01-01 is in the future (today is 2026-12-07)')).toBe('Ngày 01/01/2027 chưa đến (hôm nay là 07/12/2026)');
    expect(vi('completedOn 2017-01-01 is before the issue date (2017-02-10)')).toBe('Ngày 01/01/2017 trước ngày ban hành (10/02/2017)');
    expect(vi('incomingDocument.date 2017-05-20 is before the date it reports (2017-05-22)')).toBe(
      'Ngày 20/05/2017 trước ngày được báo cáo (22/05/2017)',
    );
    expect(vi('changedOn 2017-06-20 is before the deadline in force (effective 2017-06-25) (2017-06-25)')).toBe(
      'Ngày 20/06/2017 trước ngày thời hạn hiện hành có hiệu lực (25/06/2017)',
    );
    expect(vi('transferredOn 2017-03-01 is before the assignment of h-muong-lat started (2017-03-05)')).toBe(
      'Ngày 01/03/2017 trước ngày giao nhiệm vụ cho h-muong-lat (05/03/2017)',
    );
  });

  it('translates the refusals a person meets most', () => {
    expect(vi('task 4 already has deadline 2026-12-31')).toBe('Nhiệm vụ 4 đã có thời hạn 31/12/2026');
    expect(vi('the completion of 2017-03-01 is still awaiting confirmation')).toBe('Báo cáo hoàn thành ngày 01/03/2017 đang chờ xác nhận');
    expect(vi('The account cb.ngason already exists')).toBe('Tài khoản cb.ngason đã tồn tại');
  });

  it('leaves an unknown message as the server wrote it, and English as it is', () => {
    expect(vi('something new')).toBe('something new');
    expect(translateMessage('is required', 'en')).toBe('is required');
  });

  it('knows every message the forms’ schemas give for the usual mistakes', () => {
    const issues = [
      ...progressRequest.safeParse({ reportedOn: 'x', summary: '', percent: 101 }).error!.issues,
      ...createAccountRequest.safeParse({ username: 'A', password: 'short', displayName: '', roles: [] }).error!.issues,
      ...attachmentRequest.safeParse({ fileName: 'a/b', mediaType: 'x', contentBase64: '%%' }).error!.issues,
    ];
    for (const issue of issues) expect([issue.message, vi(issue.message)]).not.toEqual([issue.message, issue.message]);
  });
});
