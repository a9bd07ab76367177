/**
 * The "as of" control: a slider over the range of the list history (`listHistory`) and a date field. Picking a day
 * redraws the canvas as of that day (the API's `at`); "Now" goes back to today's graph. The day is kept in the URL.
 */
import { dayAt, dayIndex, isDay, today } from "../model/as-of.ts";
import { h } from "./dom.ts";

export class AsOfControl {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly field: HTMLInputElement;
  private readonly now: HTMLButtonElement;
  private first = today();
  private last = today();
  private current: string | null = null;

  constructor(private readonly onChange: (day: string | null) => void) {
    this.slider = h("input", {
      type: "range",
      id: "as-of-slider",
      min: "0",
      max: "0",
      step: "1",
      "aria-label": "Day shown, over the history of the lists",
      oninput: () => {
        this.field.value = dayAt(this.first, Number(this.slider.value));
      },
      onchange: () => this.pick(dayAt(this.first, Number(this.slider.value))),
    });
    this.field = h("input", {
      type: "date",
      id: "as-of-date",
      "aria-label": "As of (date)",
      onchange: () => {
        if (!this.field.value) this.pick(null);
        else if (isDay(this.field.value)) this.pick(this.field.value);
      },
    });
    this.now = h("button", { type: "button", class: "tool", id: "as-of-now", onclick: () => this.pick(null) }, "Now");
    this.element = h(
      "div",
      { class: "as-of", role: "group", "aria-label": "As of" },
      h("label", { for: "as-of-date", class: "tool-label" }, "As of"),
      this.slider,
      this.field,
      this.now,
    );
  }

  /** The range of the history: the first snapshot to today. */
  setRange(dates: string[]): void {
    if (dates.length) this.first = [...dates].sort()[0];
    this.last = today();
    this.slider.max = String(Math.max(0, dayIndex(this.first, this.last)));
    this.field.min = this.first;
    this.field.max = this.last;
    this.show(this.current);
  }

  /** Shows a day (null: now) without reporting it. */
  show(day: string | null): void {
    this.current = day;
    this.field.value = day ?? "";
    this.slider.value = String(day ? dayIndex(this.first, day) : dayIndex(this.first, this.last));
    this.now.disabled = day === null;
    this.element.classList.toggle("past", day !== null);
  }

  private pick(day: string | null): void {
    this.show(day);
    this.onChange(day);
  }
}
