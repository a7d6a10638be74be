import type { AskingStep, StepHandler } from '../types';
import { afterItem, review } from './cart';
import { chooseFulfilment, confirmOrder, retryPlacing } from './checkout';
import {
  chooseCategory,
  chooseItem,
  chooseQuantity,
  chooseSize,
} from './choose-item';
import { mainMenu } from './main-menu';

/** Every question the IVR asks, by step. */
export const STEP_HANDLERS: Record<AskingStep, StepHandler> = {
  MAIN: mainMenu,
  CATEGORY: chooseCategory,
  ITEM: chooseItem,
  SIZE: chooseSize,
  QUANTITY: chooseQuantity,
  NEXT: afterItem,
  REVIEW: review,
  FULFILMENT: chooseFulfilment,
  CONFIRM: confirmOrder,
  RETRY_PLACE: retryPlacing,
};
