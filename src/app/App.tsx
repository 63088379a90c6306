import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { HomePage } from './features/home/HomePage';
import { withLaterWords } from './i18n/i18n';
import { NotFoundPage } from './shell/NotFoundPage';
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
// The staff pages carry Chart.js too, in their own chunks (SYNC.md §17).
const StaffProvidersPage = lazy(() =>
  withLaterWords(import('./features/staff/StaffProvidersPage')).then((m) => m.StaffProvidersPage),
);
const StaffChartsPage = lazy(() =>
  withLaterWords(import('./features/staff/StaffChartsPage')).then((m) => m.StaffChartsPage),
);
const SettingsPage = lazy(() =>
  withLaterWords(import('./features/settings/SettingsPage')).then((m) => m.SettingsPage),
);

// The staff app (SYNC.md §13): its own chunks, so a provider's first screen does not grow.
const StaffHomePage = lazy(() =>
  withLaterWords(import('./features/staff/StaffHomePage')).then((m) => m.StaffHomePage),
);
const ContactListPage = lazy(() =>
  withLaterWords(import('./features/staff/ContactListPage')).then((m) => m.ContactListPage),
);
const ContactFormPage = lazy(() =>
  withLaterWords(import('./features/staff/ContactFormPage')).then((m) => m.ContactFormPage),
);
const SurveyPage = lazy(() =>
  withLaterWords(import('./features/staff/SurveyPage')).then((m) => m.SurveyPage),
);
const MeasuresPage = lazy(() =>
  withLaterWords(import('./features/staff/MeasuresPage')).then((m) => m.MeasuresPage),
);
const EventsPage = lazy(() =>
  withLaterWords(import('./features/staff/EventsPage')).then((m) => m.EventsPage),
);

/** A staff device's `/`: her Home is `/staff`. */
function ToStaffHome(): null {
  const { route } = useLocation();
  useEffect(() => route('/staff', true), []);
  return null;
}

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
            <Route path="/" component={staffProfile.value ? ToStaffHome : HomePage} />
            <Route path="/staff" component={StaffHomePage} />
            <Route path="/staff/log" component={ContactListPage} />
            <Route path="/staff/log/new" component={ContactFormPage} />
            <Route path="/staff/log/:id" component={ContactFormPage} />
            <Route path="/staff/survey" component={SurveyPage} />
            <Route path="/staff/survey/:week" component={SurveyPage} />
            <Route path="/staff/measures" component={MeasuresPage} />
            <Route path="/staff/events" component={EventsPage} />
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
