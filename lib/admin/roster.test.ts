import { describe, expect, it } from "vitest";
import { MAX_ROSTER_ROWS, parseRoster } from "./roster";

describe("parseRoster", () => {
  it("reads rows with any column order, case and line endings", () => {
    const { rows, errors } = parseRoster("\uFEFFName,EMAIL,Grade,class,role\r\nAda Lovelace,ADA@school.test,7,Maths 7,\r\nAlan T,alan@school.test,K,,student\r\nMs Hopper,grace@school.test,,Maths 7,Teacher\r\n\r\n");
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, email: "ada@school.test", name: "Ada Lovelace", role: "STUDENT", gradeLevel: 7, className: "Maths 7", password: null },
      { line: 3, email: "alan@school.test", name: "Alan T", role: "STUDENT", gradeLevel: 0, className: null, password: null },
      { line: 4, email: "grace@school.test", name: "Ms Hopper", role: "TEACHER", gradeLevel: null, className: "Maths 7", password: null },
    ]);
  });

  it("reports every bad row by its line number", () => {
    const csv = ["email,name,grade,password", "ok@s.test,Ok,5,", "not-an-email,Bad,5,", "x@s.test,,13,short", "ok@s.test,Again,5,", "y@s.test,Y,5"].join("\n");
    const { errors } = parseRoster(csv);
    expect(errors).toEqual([
      { line: 3, message: '"not-an-email" is not an email address' },
      { line: 4, message: "name is missing" },
      { line: 4, message: 'grade must be K or a number from 0 to 12, not "13"' },
      { line: 4, message: "password must be 8 to 200 characters (or leave it empty to generate one)" },
      { line: 5, message: "ok@s.test is also on line 2" },
      { line: 6, message: "expected 4 fields (email, name, grade, password) but found 3" },
    ]);
  });

  it("counts lines inside quoted fields and reports broken quoting", () => {
    const { rows, errors } = parseRoster('email,name\na@s.test,"Smith,\nJo"\nb@s.test,B\n"c@s.test,C\n');
    expect(rows.map((r) => [r.line, r.email])).toEqual([[2, "a@s.test"], [4, "b@s.test"]]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
    expect(errors[0]!.message).toMatch(/can't be read as CSV/);
  });

  it("refuses a header without the required or with unknown columns", () => {
    expect(parseRoster("mail,name\nx@y.z,X").errors[0]).toMatchObject({ line: 1, message: expect.stringContaining("missing column email; unknown column mail") });
    expect(parseRoster("").errors[0]!.line).toBe(1);
    expect(parseRoster("email,name\n").errors).toEqual([{ line: 2, message: "The roster has no rows under its header." }]);
    expect(parseRoster("email,name,role\na@s.test,A,admin").errors).toEqual([{ line: 2, message: 'role must be "student" or "teacher", not "admin"' }]);
  });

  it("limits the size of one import", () => {
    const csv = ["email,name", ...Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `s${i}@s.test,S${i}`)].join("\n");
    expect(parseRoster(csv).errors[0]!.message).toMatch(/at most 500/);
  });
});
