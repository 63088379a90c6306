import type { JSX } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './shell/NotFoundPage';
import { Shell } from './shell/Shell';

// Every screen but Home is its own chunk; all of them are precached, so they open offline.
const NotesPage = lazy(() => import('./features/notes/NotesPage').then((m) => m.NotesPage));
const NoteFormPage = lazy(() =>
  import('./features/notes/NoteFormPage').then((m) => m.NoteFormPage),
);
const RecentlyDeletedPage = lazy(() =>
  import('./features/notes/RecentlyDeletedPage').then((m) => m.RecentlyDeletedPage),
);
const ChildrenPage = lazy(() =>
  import('./features/children/ChildrenPage').then((m) => m.ChildrenPage),
);
const ChildPage = lazy(() => import('./features/children/ChildPage').then((m) => m.ChildPage));
const ChildFormPage = lazy(() =>
  import('./features/children/ChildFormPage').then((m) => m.ChildFormPage),
);
const CheckinPage = lazy(() => import('./features/checkin/CheckinPage').then((m) => m.CheckinPage));
const PdsaListPage = lazy(() => import('./features/pdsa/PdsaListPage').then((m) => m.PdsaListPage));
const PdsaCyclePage = lazy(() =>
  import('./features/pdsa/PdsaCyclePage').then((m) => m.PdsaCyclePage),
);
// Progress carries Chart.js: only this chunk imports it.
const ProgressPage = lazy(() =>
  import('./features/progress/ProgressPage').then((m) => m.ProgressPage),
);
const PrintChildPage = lazy(() =>
  import('./features/print/PrintChildPage').then((m) => m.PrintChildPage),
);
const PrintMonthPage = lazy(() =>
  import('./features/print/PrintMonthPage').then((m) => m.PrintMonthPage),
);
const AttentionPage = lazy(() =>
  import('./features/attention/AttentionPage').then((m) => m.AttentionPage),
);
const ConnectPage = lazy(() => import('./features/connect/ConnectPage').then((m) => m.ConnectPage));
const SharingPage = lazy(() => import('./features/sharing/SharingPage').then((m) => m.SharingPage));
// The staff pages carry Chart.js too, in their own chunks (SYNC.md §17).
const StaffProvidersPage = lazy(() =>
  import('./features/staff/StaffProvidersPage').then((m) => m.StaffProvidersPage),
);
const StaffChartsPage = lazy(() =>
  import('./features/staff/StaffChartsPage').then((m) => m.StaffChartsPage),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage').then((m) => m.SettingsPage),
);

/** Every screen opens at its top, header in view (after a save, Home is not left scrolled down). */
function openAtTop(): void {
  window.scrollTo(0, 0);
  document.getElementById('main')?.focus({ preventScroll: true });
}

/** Routes inside the shell. */
export function App(): JSX.Element {
  return (
    <LocationProvider>
      <Shell>
        <ErrorBoundary>
          <Router onRouteChange={openAtTop}>
            <Route path="/" component={HomePage} />
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
            <Route path="/staff/providers" component={StaffProvidersPage} />
            <Route path="/staff/charts" component={StaffChartsPage} />
            <Route path="/print/child/:id" component={PrintChildPage} />
            <Route path="/print/month" component={PrintMonthPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </Shell>
    </LocationProvider>
  );
}
