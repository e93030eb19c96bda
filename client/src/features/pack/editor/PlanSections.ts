import { PLAN_SECTIONS } from '@baton/shared-types/ydoc';
import { Extension } from '@tiptap/core';

/**
 * Keeps the `section` attribute (modules / dependencies / schedule) of the plan's headings, which
 * the server reads to decide whether a posted plan is a real plan. Without it in the schema,
 * the editor would drop the attribute the first time someone edits a heading.
 */
export const PlanSections = Extension.create({
  name: 'planSections',

  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          section: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el) => {
              const value = el.getAttribute('data-section');
              return (PLAN_SECTIONS as readonly (string | null)[]).includes(value) ? value : null;
            },
            renderHTML: (attrs) => (attrs.section ? { 'data-section': String(attrs.section) } : {}),
          },
        },
      },
    ];
  },
});
