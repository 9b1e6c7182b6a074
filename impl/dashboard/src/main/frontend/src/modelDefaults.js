// withDefaults with the defaults of the CNSMO YANG modules: 'cnsmo-yang-defaults' is the module build.mjs
// generates from yang/src/main/yang at every build (Node's tests use fillDefaults with a model they read).
import model from 'cnsmo-yang-defaults';
import { fillDefaults } from './defaults.js';

/** value, read from RESTCONF at the schema path, with the models' defaults filled in (see fillDefaults). */
export const withDefaults = (path, value) => fillDefaults(model, path, value);
