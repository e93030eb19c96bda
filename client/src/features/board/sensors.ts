import { KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type PointerSensorOptions } from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { boardKeyboardCoordinates } from './keyboardCoordinates';

/**
 * Mouse and pen via pointer events; touch is left to the TouchSensor (long press), so a
 * finger can still scroll a column without picking up a card.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** Space picks a card up (Enter opens it); Space or Enter drops; Escape cancels; arrows move. */
export const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

// Options are constants: useSensor keys its descriptor on them, and a new descriptor on every
// render would give dnd-kit a new context value, re-rendering every column and visible card
// whenever the board changes.
const MOUSE = { activationConstraint: { distance: 6 } };
const TOUCH = { activationConstraint: { delay: 220, tolerance: 8 } };
const KEYBOARD = { coordinateGetter: boardKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES };

export function useBoardSensors() {
  return useSensors(useSensor(MouseAndPenSensor, MOUSE), useSensor(TouchSensor, TOUCH), useSensor(KeyboardSensor, KEYBOARD));
}
