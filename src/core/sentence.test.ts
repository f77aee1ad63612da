import { describe, expect, it } from "vitest";
import { asSentence } from "./sentence";

describe("asSentence", () => {
  it.each([
    ["GPU 0 is held until 2018-07-02 19:00 UTC.", "GPU 0 is held until 2018-07-02 19:00 UTC."],
    ["must be after the start", "must be after the start."],
    ["Really? ", "Really?"],
    ["Stop!", "Stop!"],
    ["", "."],
  ])("%j → %j", (text, sentence) => {
    expect(asSentence(text)).toBe(sentence);
  });
});
