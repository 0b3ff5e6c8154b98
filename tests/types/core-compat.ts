// The package's types stay compatible with the wasm-bindgen declarations
// (lede.d.ts, written from src/wasm.rs): whatever the core declares it
// returns must be assignable to the package's Analysis.

import type { Analysis } from 'lede';
import type { Analysis as CoreAnalysis, Attribution as CoreAttribution, Entity as CoreEntity } from 'lede/wasm';
import type { Attribution, Entity } from 'lede';

declare const core: CoreAnalysis;
declare const coreEntity: CoreEntity;
declare const coreAttribution: CoreAttribution;

export const analysis: Analysis = core;
export const entity: Entity = coreEntity;
export const attribution: Attribution = coreAttribution;
