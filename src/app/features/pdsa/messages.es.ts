/** Las palabras en español de las pantallas de pdsa (se unen en i18n/es.ts). */
import { glossaryIn } from '../../i18n/glossary';
import type { pdsaEn } from './messages.en';

const g = glossaryIn('es');
void g;

export const pdsaEs: Record<keyof typeof pdsaEn, string> = {};
