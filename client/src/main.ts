/** Entry point: mounts the app; a failure to even start shows a message, never a blank page. */
import "./styles.css";
import { App } from "./app.ts";

const root = document.getElementById("app");
if (root) {
  try {
    const app = new App(root);
    (window as unknown as { app: App }).app = app;
    void app.start();
  } catch (error) {
    root.innerHTML = "";
    const box = document.createElement("div");
    box.className = "fatal";
    box.setAttribute("role", "alert");
    box.textContent = `The client failed to start: ${error instanceof Error ? error.message : String(error)}. Reload the page to retry.`;
    root.append(box);
  }
}
