/**
 * Cross-validation folds of the train split: for each fold, a screener whose model was trained
 * on the other folds, and the fold's own posts to screen with it. Shared by `screening:eval --cv`
 * and the training experiments, so both fold the same way.
 */
import { createScreener, type Screener } from '../screener.js';
import type { Example } from './dataset.js';
import { trainModel, type TrainConfig } from './train.js';

export interface OutOfFold {
  screener: Screener;
  /** Train-split posts the screener's model never saw. */
  examples: Example[];
}

export async function* outOfFoldScreeners(examples: readonly Example[], folds: number, config: Partial<TrainConfig> = {}): AsyncGenerator<OutOfFold> {
  const train = examples.filter((e) => e.split === 'train');
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (_: Example, i: number): boolean => i % folds === fold;
    const model = await trainModel(train.filter((e, i) => !inFold(e, i)), () => {}, config);
    yield { screener: await createScreener({ model }), examples: train.filter(inFold) };
  }
}
