import type { LangiumSharedCoreServices } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCredalServices } from '../credal-module.js';

/** The language services as the command line uses them: real files, no editor connection. */
export function createCliServices(): LangiumSharedCoreServices {
    return createCredalServices({ ...NodeFileSystem }).shared;
}
