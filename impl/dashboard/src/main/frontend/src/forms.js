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
