/** English words of the Progress screen and its chart settings (merged into i18n/en-later.ts, loaded after the first paint). */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const progressEn = {
  'progress.title': 'Progress',
  'progress.intro':
    'One chart for each thing you track, one point per week. The line through the middle is the median: about half of your weeks are above it, half below.',
  'progress.empty': `Your first week is under way. Write ${g.notes} and fill in your ${g.checkin}: your charts begin once this week is over.`,
  'progress.unreadable.one':
    '{count} saved item could not be read, so the charts leave it out. It is kept on this device.',
  'progress.unreadable.other':
    '{count} saved items could not be read, so the charts leave them out. They are kept on this device.',
  'progress.cycleItem': '{label}: cycle {cycle} of “{idea}”, started {date}.',
  'progress.cycleOther':
    '{label}: cycle {cycle} of “{idea}”, started {date}. It is tracked on “{measure}”, so this chart does not read it.',
  'progress.cycleNoMeasure':
    '{label}: cycle {cycle} of “{idea}”, started {date}. It has no measure chosen, so no chart reads it.',
  'progress.mark.pdsa': 'PDSA {label} starts: cycle {cycle} of “{idea}”',
  'progress.legend.pdsa':
    'Start of a PDSA cycle of this measure (its label, such as B2, is in the list below)',
  'progress.legend.otherPdsa': 'Start of a PDSA cycle of another measure (not read here)',
  'progress.legend.phase': 'Solid line: a new phase begins, with its own median',
  'progress.legend.goal': 'Your goal',
  'progress.outcome.noData':
    'Your first week is under way: this chart starts once it is over, on Monday {date}.',
  'progress.outcome.notEnough':
    'This chart is read once it has 12 weeks: the first 12 set the median line. {have} of {need} weeks so far. Keep going!',
  'progress.outcome.newPhase':
    'Your new phase since the week of {date} has {have} of {need} weeks. Until it has 12, this reads the weeks before it:',
  'progress.outcome.newPhaseCycle':
    'Your new phase since your cycle {label} (“{idea}”) has {have} of {need} weeks. Until it has 12, this reads the weeks before it:',
  'progress.outcome.change.since-baseline.up':
    'Something has changed for the better: since the week of {date}, {count} of your {of} weeks are above the median of your first 12 weeks.',
  'progress.outcome.change.since-baseline.down':
    'Something has changed: since the week of {date}, {count} of your {of} weeks are below the median of your first 12 weeks. It is worth a look at what is different.',
  'progress.outcome.change.longest-run.up':
    'Something has changed for the better: {count} weeks in a row above the median, starting the week of {date}.',
  'progress.outcome.change.longest-run.down':
    'Something has changed: {count} weeks in a row below the median, starting the week of {date}. It is worth a look at what is different.',
  'progress.outcome.changeChance':
    'By chance alone, that happens in about 1 chart in {odds} this long.',
  'progress.outcome.changeRare':
    'By chance alone, that happens in fewer than 1 chart in 1,000 this long.',
  'progress.outcome.shift.up':
    'The chart marks {length} weeks in a row above the median, starting the week of {date}.',
  'progress.outcome.shift.down':
    'The chart marks {length} weeks in a row below the median, starting the week of {date}.',
  'progress.outcome.trend.up':
    'The chart marks {length} weeks in a row going up, starting the week of {date}.',
  'progress.outcome.trend.down':
    'The chart marks {length} weeks in a row going down, starting the week of {date}.',
  'progress.outcome.longRun.up':
    'The chart marks {length} weeks in a row above the median, starting the week of {date}.',
  'progress.outcome.longRun.down':
    'The chart marks {length} weeks in a row below the median, starting the week of {date}.',
  'progress.outcome.tooFewRuns':
    'Your weeks stay on one side of the median for long stretches (too few runs).',
  'progress.outcome.tooManyRuns':
    'Your weeks jump above and below the median more often than usual (too many runs): maybe two kinds of weeks take turns.',
  'progress.outcome.fewCrossings': 'The line crosses the median less often than usual.',
  'progress.outcome.maybe.since-baseline':
    'Since your first 12 weeks, {count} of {of} weeks are on one side of the median: this could happen by chance in about 1 chart in {odds} this long, so it may not be a real change yet.',
  'progress.outcome.maybe.longest-run':
    'A stretch like this could happen by chance in about 1 chart in {odds} this long, so it may not be a real change yet.',
  'progress.outcome.maybe.early':
    'It is too early to tell whether this is more than chance: keep going.',
  'progress.outcome.pdsa.same': 'It started the same week as your PDSA cycle {label}, “{idea}”.',
  'progress.outcome.pdsa.before.one':
    'It started {count} week after your PDSA cycle {label}, “{idea}”.',
  'progress.outcome.pdsa.before.other':
    'It started {count} weeks after your PDSA cycle {label}, “{idea}”.',
  'progress.outcome.goal':
    'Goal reached: the middle of your last 6 weeks is at or above your goal of {goal}.',
  'progress.reading.weeks': '{before} weeks before it, {since} since.',
  'progress.reading.change':
    '{count} of the {of} weeks since are {side} {line}, the middle of the weeks before: a real change (by chance about 1 in {odds}).',
  'progress.reading.changeRare':
    '{count} of the {of} weeks since are {side} {line}, the middle of the weeks before: a real change (by chance fewer than 1 in 1,000).',
  'progress.reading.maybe':
    '{count} of the {of} weeks since are {side} {line}, the middle of the weeks before. That could be chance (about 1 in {odds}): keep watching.',
  'progress.reading.none':
    '{count} of the {of} weeks since are {side} {line}, the middle of the weeks before: no clear difference yet (chance does this about 1 time in {odds}).',
  'progress.reading.fewBefore': 'Too few weeks before it to compare (it needs 6).',
  'progress.reading.noSince': 'It has no finished week yet: nothing to compare.',
  'progress.reading.onLine':
    'The weeks since all sit on the middle of the weeks before: no difference yet.',
  'progress.reading.above': 'above',
  'progress.reading.below': 'below',
  'progress.goal.label': 'Goal for this chart (optional)',
  'progress.goal.hint': 'A dashed line on the chart. Leave empty for no goal.',
  'progress.goal.save': 'Save goal',
  'progress.goal.saved': 'Goal saved.',
  'progress.goal.invalid': 'Write a number between {min} and {max}, or leave it empty.',
  'progress.goal.text': 'Goal {value}',
  'progress.measure.notes': 'Notes recorded',
  'progress.measure.notes-with-idea': 'Notes with an idea to try next',
  'progress.measure.p2': 'Days with notes written',
  'progress.measure.p3': 'Activities planned from observation',
  'progress.measure.p5-of-p4': '% of peer talks about toddlers',
  'progress.measure.p6': 'Ease of finding time to write',
  'progress.unit.notes': `${g.Notes} you wrote each week.`,
  'progress.unit.notes-with-idea': `${g.Notes} each week with an “${g.ideaToTry.toLowerCase()}”.`,
  'progress.unit.p2': `Days each week you wrote down something a ${g.toddler} did or said (from your ${g.checkin}).`,
  'progress.unit.p3': `Activities or routines planned from what you saw (from your ${g.checkin}).`,
  'progress.unit.p5-of-p4': `Of your talks with other providers, the share about ${g.toddlers} in mixed-age groups (from your ${g.checkin}).`,
  'progress.unit.p6': `From 1 (very hard) to 5 (very easy) (from your ${g.checkin}).`,
  'progress.range': 'Weeks of {from} to {to}',
  'progress.median.baseline': 'Median {value}, from the first 12 weeks',
  'progress.median.provisional': 'Median {value} (provisional: {have} of {need} weeks)',
  'progress.median.all': 'Median {value}, from all weeks',
  'progress.median.none': 'No median yet',
  'progress.medianFrom': 'Median from',
  'progress.medianBaseline': 'The first 12 weeks',
  'progress.medianAll': 'All weeks',
  'progress.showTable': 'Show the numbers',
  'progress.hideTable': 'Hide the numbers',
  'progress.saveImage': 'Save as image',
  'progress.imageFailed': 'The image could not be made on this device.',
  'progress.chartAlt':
    'Run chart: {title}. {range}. {median}. {sentence} Every week is in the table of numbers.',
  'progress.cycles': 'PDSA cycles on this chart',
  'progress.newPhase': 'New phase',
  'progress.legend': 'What the marks mean',
  'progress.legend.week': 'A week',
  'progress.legend.current': 'This week, not finished yet (not read)',
  'progress.legend.median': 'Median',
  'progress.legend.shift': 'Shift: 6 or more weeks in a row on one side of the median',
  'progress.legend.trend': 'Trend: 5 or more weeks in a row going up, or going down',
  'progress.legend.longRun':
    'Long run: more weeks in a row on one side of the median than chance usually gives',
  'progress.table.caption': '{title}: every week',
  'progress.table.week': 'Week',
  'progress.table.value': 'Value',
  'progress.table.fraction': 'Share (toddler talks / all talks)',
  'progress.table.median': 'Median',
  'progress.table.marks': 'Marks',
  'progress.table.missing': 'No data',
  'progress.table.current': 'not finished yet',
  'progress.mark.shift': 'Shift',
  'progress.mark.trend': 'Trend',
  'progress.mark.longRun': 'Long run',
  'progress.mark.phase': 'New phase',
  'progress.outcome.noSignal':
    'The ups and downs look like ordinary variation: no sign of a change yet.',
  'progress.settings.title': 'Reading your charts',
  'progress.settings.rules': 'Rules for signals',
  'progress.settings.ihi': 'IHI rules',
  'progress.settings.ihiHint':
    'The usual run-chart rules (shifts, trends, runs): quick to see a change, but on long charts they sometimes see chance.',
  'progress.settings.anhoej': 'Anhøj rules',
  'progress.settings.anhoejHint':
    'Long runs and few crossings of the median: fewer false alarms on long charts, and no trend rule.',
};
