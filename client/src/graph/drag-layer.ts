/**
 * A node drag redraws the dragged elements alone, not the whole graph on every frame.
 *
 * Cytoscape's 2D canvas renderer (3.34) draws a node drag on two layers: the dragged nodes and their edges on the
 * drag layer, everything else on the node layer, which the drag does not change. But drawing the dragged node finds
 * its bounding box stale (it moved), which emits a "bounds" notification, and the renderer answers every
 * notification by asking for BOTH layers: so each drag frame also redraws every other node (at 5,000 nodes fitted,
 * ~100 ms a frame in software rendering, whatever the dragged node's degree). Here a "bounds" notification during a
 * node drag whose elements all lie on the drag layer asks for the drag layer alone; the node layer is redrawn as
 * before when the drag starts and when the node is dropped. The WebGL renderer draws otherwise and is left alone.
 */
import type { Core } from "cytoscape";

/** The parts of Cytoscape's renderer this reads (not public API: checked before use). */
interface CanvasRendererInternals {
  notify(eventName: string, eles?: ArrayLike<{ _private: { rscratch: { inDragLayer?: boolean } } }>): void;
  redrawHint(group: "drag" | "eles", value: boolean): void;
  redraw(): void;
  hoverData?: { draggingEles?: boolean };
}

export function redrawOnlyDragLayerWhileDragging(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): CanvasRendererInternals | undefined }).renderer();
  // Headless Cytoscape has no such renderer; a future one without these members keeps its own behaviour.
  if (!renderer || typeof renderer.notify !== "function" || typeof renderer.redrawHint !== "function" || !renderer.hoverData) return;
  const notify = renderer.notify;
  renderer.notify = function (eventName, eles) {
    if (eventName === "bounds" && renderer.hoverData?.draggingEles && eles && eles.length > 0 && onDragLayer(eles)) {
      renderer.redrawHint("drag", true);
      renderer.redraw();
      return;
    }
    notify.call(this, eventName, eles);
  };
}

function onDragLayer(eles: ArrayLike<{ _private: { rscratch: { inDragLayer?: boolean } } }>): boolean {
  for (let i = 0; i < eles.length; i++) if (!eles[i]._private.rscratch.inDragLayer) return false;
  return true;
}
