import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { HomeRedirect, NotFound, RoleGuard } from './RoleGuard';
import { SessionGate } from './SessionGate';

type Area = () => Promise<Record<string, ComponentType>>;

/** Each area's pages load with the area, when first opened: the first page stays small. */
const areas = {
  auth: () => import('../pages/auth'),
  agency: () => import('../pages/agency'),
  assignment: () => import('../pages/assignment'),
  office: () => import('../pages/office'),
  issuing: () => import('../pages/issuing'),
  reports: () => import('../pages/reports'),
  inspector: () => import('../pages/inspector'),
  admin: () => import('../pages/admin'),
  account: () => import('../pages/account'),
} satisfies Record<string, Area>;

const page = (area: Area, name: string) => {
  const Page = lazy(async () => ({ default: (await area())[name] }));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={page(areas.auth, 'SignInPage')} />
      <Route path="/" element={<SessionGate />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<RoleGuard />}>
          <Route path="my-assignments" element={page(areas.agency, 'MyAssignmentsPage')} />
          <Route path="reminders" element={page(areas.agency, 'RemindersPage')} />
          <Route path="assignments/:id" element={page(areas.assignment, 'AssignmentPage')} />
          <Route path="directives" element={page(areas.office, 'DirectivesPage')} />
          <Route path="directives/new" element={page(areas.issuing, 'IssueDirectivePage')} />
          <Route path="directives/import" element={page(areas.issuing, 'ImportDirectivePage')} />
          <Route path="directives/import/:draftId" element={page(areas.issuing, 'ReviewImportPage')} />
          <Route path="directives/:id" element={page(areas.office, 'DirectivePage')} />
          <Route path="overdue" element={page(areas.office, 'OverduePage')} />
          <Route path="confirmations" element={page(areas.office, 'ConfirmationsPage')} />
          <Route path="reports" element={page(areas.reports, 'ReportsPage')} />
          <Route path="reports/issue" element={page(areas.reports, 'IssueReportPage')} />
          <Route path="inspect/timeline" element={page(areas.inspector, 'HistoryPage')} />
          <Route path="inspect/verify" element={page(areas.inspector, 'VerifyPage')} />
          <Route path="inspect/annual-review" element={page(areas.inspector, 'AnnualReviewPage')} />
          <Route path="inspect/access-log" element={page(areas.inspector, 'AccessLogPage')} />
          <Route path="admin/accounts" element={page(areas.admin, 'AccountsPage')} />
          <Route path="admin/registry" element={page(areas.admin, 'RegistryPage')} />
          <Route path="admin/rebuild" element={page(areas.admin, 'RebuildPage')} />
          <Route path="account" element={page(areas.account, 'AccountPage')} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
