/**
 * The staff app's screens under `/staff` (SYNC.md §13). One lazy chunk holds this list, and each
 * screen is a chunk of its own opened with the later words, so none of it is on a provider's first
 * screen.
 */
import type { JSX } from 'preact';
import { Route, Router, lazy } from 'preact-iso';
import { withLaterWords } from '../../i18n/i18n';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { openAtTop } from '../../shell/open-at-top';

const StaffHomePage = lazy(() =>
  withLaterWords(import('./StaffHomePage')).then((m) => m.StaffHomePage),
);
const ContactListPage = lazy(() =>
  withLaterWords(import('./ContactListPage')).then((m) => m.ContactListPage),
);
const ContactFormPage = lazy(() =>
  withLaterWords(import('./ContactFormPage')).then((m) => m.ContactFormPage),
);
const SurveyPage = lazy(() => withLaterWords(import('./SurveyPage')).then((m) => m.SurveyPage));
const MeasuresPage = lazy(() =>
  withLaterWords(import('./MeasuresPage')).then((m) => m.MeasuresPage),
);
const EventsPage = lazy(() => withLaterWords(import('./EventsPage')).then((m) => m.EventsPage));
// The coach's view and the collaborative's charts carry Chart.js too (SYNC.md §17).
const StaffProvidersPage = lazy(() =>
  withLaterWords(import('./StaffProvidersPage')).then((m) => m.StaffProvidersPage),
);
const StaffChartsPage = lazy(() =>
  withLaterWords(import('./StaffChartsPage')).then((m) => m.StaffChartsPage),
);

/** The routes below `/staff/*`: paths here are relative to `/staff`. */
export function StaffRoutes(): JSX.Element {
  return (
    <Router onRouteChange={openAtTop}>
      <Route path="/" component={StaffHomePage} />
      <Route path="/log" component={ContactListPage} />
      <Route path="/log/new" component={ContactFormPage} />
      <Route path="/log/:id" component={ContactFormPage} />
      <Route path="/survey" component={SurveyPage} />
      <Route path="/survey/:week" component={SurveyPage} />
      <Route path="/measures" component={MeasuresPage} />
      <Route path="/events" component={EventsPage} />
      <Route path="/providers" component={StaffProvidersPage} />
      <Route path="/charts" component={StaffChartsPage} />
      <Route default component={NotFoundPage} />
    </Router>
  );
}
