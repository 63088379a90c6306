import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { HomePage } from './features/home/HomePage';
import { withLaterWords } from './i18n/i18n';
import { NotFoundPage } from './shell/NotFoundPage';
import { openAtTop } from './shell/open-at-top';
import { Shell } from './shell/Shell';
import { staffProfile } from './state';

// Every screen but Home is its own chunk, opened with the later words (i18n.ts); all of them are
// precached, so they open offline.
const NotesPage = lazy(() =>
  withLaterWords(import('./features/notes/NotesPage')).then((m) => m.NotesPage),
);
const NoteFormPage = lazy(() =>
  withLaterWords(import('./features/notes/NoteFormPage')).then((m) => m.NoteFormPage),
);
const RecentlyDeletedPage = lazy(() =>
  withLaterWords(import('./features/notes/RecentlyDeletedPage')).then((m) => m.RecentlyDeletedPage),
);
const ChildrenPage = lazy(() =>
  withLaterWords(import('./features/children/ChildrenPage')).then((m) => m.ChildrenPage),
);
const ChildPage = lazy(() =>
  withLaterWords(import('./features/children/ChildPage')).then((m) => m.ChildPage),
);
const ChildFormPage = lazy(() =>
  withLaterWords(import('./features/children/ChildFormPage')).then((m) => m.ChildFormPage),
);
const CheckinPage = lazy(() =>
  withLaterWords(import('./features/checkin/CheckinPage')).then((m) => m.CheckinPage),
);
const PdsaListPage = lazy(() =>
  withLaterWords(import('./features/pdsa/PdsaListPage')).then((m) => m.PdsaListPage),
);
const PdsaCyclePage = lazy(() =>
  withLaterWords(import('./features/pdsa/PdsaCyclePage')).then((m) => m.PdsaCyclePage),
);
// Progress carries Chart.js: only this chunk imports it.
const ProgressPage = lazy(() =>
  withLaterWords(import('./features/progress/ProgressPage')).then((m) => m.ProgressPage),
);
const PrintChildPage = lazy(() =>
  withLaterWords(import('./features/print/PrintChildPage')).then((m) => m.PrintChildPage),
);
const PrintMonthPage = lazy(() =>
  withLaterWords(import('./features/print/PrintMonthPage')).then((m) => m.PrintMonthPage),
);
const AttentionPage = lazy(() =>
  withLaterWords(import('./features/attention/AttentionPage')).then((m) => m.AttentionPage),
);
const ConnectPage = lazy(() =>
  withLaterWords(import('./features/connect/ConnectPage')).then((m) => m.ConnectPage),
);
const SharingPage = lazy(() =>
  withLaterWords(import('./features/sharing/SharingPage')).then((m) => m.SharingPage),
);
const SettingsPage = lazy(() =>
  withLaterWords(import('./features/settings/SettingsPage')).then((m) => m.SettingsPage),
);

// The staff app (SYNC.md §13): one chunk of routes, each screen its own, so a provider's first screen
// does not grow.
const StaffRoutes = lazy(() => import('./features/staff/StaffRoutes').then((m) => m.StaffRoutes));

/** A staff device's `/`: her Home is `/staff`. */
function ToStaffHome(): null {
  const { route } = useLocation();
  useEffect(() => route('/staff', true), []);
  return null;
}

/** Routes inside the shell. */
export function App(): JSX.Element {
  return (
    <LocationProvider>
      <Shell>
        <ErrorBoundary>
          <Router onRouteChange={openAtTop}>
            <Route path="/" component={staffProfile.value ? ToStaffHome : HomePage} />
            <Route path="/staff" component={StaffRoutes} />
            <Route path="/staff/*" component={StaffRoutes} />
            <Route path="/notes" component={NotesPage} />
            <Route path="/notes/new" component={NoteFormPage} />
            <Route path="/notes/deleted" component={RecentlyDeletedPage} />
            <Route path="/notes/:id" component={NoteFormPage} />
            <Route path="/children" component={ChildrenPage} />
            <Route path="/children/new" component={ChildFormPage} />
            <Route path="/children/:id/about" component={ChildPage} />
            <Route path="/children/:id" component={ChildFormPage} />
            <Route path="/checkin" component={CheckinPage} />
            <Route path="/checkin/:week" component={CheckinPage} />
            <Route path="/pdsa" component={PdsaListPage} />
            <Route path="/pdsa/new" component={PdsaCyclePage} />
            <Route path="/pdsa/:id" component={PdsaCyclePage} />
            <Route path="/progress" component={ProgressPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/settings/sharing" component={SharingPage} />
            <Route path="/attention" component={AttentionPage} />
            <Route path="/connect" component={ConnectPage} />
            <Route path="/print/child/:id" component={PrintChildPage} />
            <Route path="/print/month" component={PrintMonthPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </Shell>
    </LocationProvider>
  );
}
