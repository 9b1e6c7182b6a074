// The sequence every "Add" form follows, apart from Preact so that Node's tests can run it (ui.jsx's
// useAddForm is its hook).

/**
 * One submit of an add form. validate(form) gives the field errors ({} if none); create(form) writes the new
 * entry, with the API's createEntry. Only a created entry empties the form: after a refusal, such as a name
 * that already exists, the user's input stays as typed, to correct and send again.
 * Returns the form's next state: { form, errors, error, created }.
 */
export async function submitAdd(form, { empty, validate, create }) {
  const errors = validate(form);
  if (Object.keys(errors).length) {
    return { form, errors, error: null, created: false };
  }
  try {
    await create(form);
  } catch (error) {
    return { form, errors: {}, error: error.message, created: false };
  }
  return { form: empty, errors: {}, error: null, created: true };
}

// A leaf with a YANG default is left to the controller unless the user sets it: its text field starts empty
// (with this placeholder) and its select starts at this option, and either is then left out of the entry,
// so the model stays the one place that says what the default is.
export const DEFAULT_PLACEHOLDER = 'default';
export const DEFAULT_OPTION = ['', 'default'];

/** Whether the user set a field: a text field with something typed, a select other than DEFAULT_OPTION. */
export const given = (value) => `${value ?? ''}`.trim() !== '';

/** A field's check, or none when the field is left empty (to the model's default). */
export const unlessEmpty = (value, check) => (given(value) ? check(value) : null);

/**
 * The leaves the user set, from [leaf, value] or [leaf, value, convert] pairs: {leaf: convert(value)} for each
 * value given, so that a leaf left to its default is absent from the body rather than repeated.
 */
export function givenLeaves(pairs) {
  return Object.fromEntries(pairs.filter(([, value]) => given(value))
    .map(([leaf, value, convert = (v) => v]) => [leaf, convert(value)]));
}
