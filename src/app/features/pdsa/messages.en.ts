/** English words of the pdsa screens (merged into i18n/en.ts). */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');
void g;

export const pdsaEn = {};
