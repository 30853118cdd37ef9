import { homePathFor, mayOpen, NAVIGATION, navigationFor } from './navigation';

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).flatMap((s) => s.items.map((i) => i.path));

describe('navigation by role', () => {
  it('gives an agency officer its assignments and reminders only', () => {
    expect(paths(['agency_officer'])).toEqual(['/my-assignments', '/reminders']);
    expect(homePathFor(['agency_officer'])).toBe('/my-assignments');
  });

  it('gives the monitoring office its directives, lists, reports and the annual review', () => {
    expect(paths(['monitoring_officer'])).toEqual([
      '/reminders',
      '/directives',
      '/directives/new',
      '/directives/import',
      '/overdue',
      '/confirmations',
      '/reports',
      '/inspect/annual-review',
    ]);
  });

  it('gives an inspector the inspection pages and no writes', () => {
    const inspector = paths(['inspector']);
    expect(inspector).toContain('/inspect/timeline');
    expect(inspector).toContain('/inspect/access-log');
    expect(inspector).not.toContain('/directives/new');
    expect(inspector).not.toContain('/directives/import');
    expect(inspector).not.toContain('/admin/accounts');
  });

  it('gives an admin the accounts and the registry', () => {
    expect(paths(['admin'])).toEqual(expect.arrayContaining(['/admin/accounts', '/admin/registry', '/admin/rebuild']));
  });

  it('joins what several roles may use, once each', () => {
    const both = paths(['agency_officer', 'inspector']);
    expect(new Set(both).size).toBe(both.length);
    expect(both).toEqual(expect.arrayContaining(['/my-assignments', '/inspect/verify']));
  });

  it('leaves out empty sections, and sends someone with no role to their account', () => {
    expect(navigationFor([])).toEqual([]);
    expect(homePathFor([])).toBe('/account');
  });

  it('refuses a page of the navigation to a role not given it', () => {
    expect(mayOpen('/admin/accounts', ['monitoring_officer'])).toBe(false);
    expect(mayOpen('/admin/accounts', ['admin'])).toBe(true);
    expect(mayOpen('/assignments/x', ['agency_officer'])).toBe(true);
  });

  it('refuses the review of an import, under the import page, to whom the import page is refused', () => {
    expect(mayOpen('/directives/import/1b4e28ba-2fa1-11d2-883f-0016d3cca427', ['monitoring_officer'])).toBe(true);
    expect(mayOpen('/directives/import/1b4e28ba-2fa1-11d2-883f-0016d3cca427', ['inspector'])).toBe(false);
    expect(mayOpen('/directives/import-x', ['inspector'])).toBe(true);
  });

  it('has every path once', () => {
    const all = NAVIGATION.flatMap((s) => s.items.map((i) => i.path));
    expect(new Set(all).size).toBe(all.length);
  });
});
