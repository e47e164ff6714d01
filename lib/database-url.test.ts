import { describe, expect, it } from "vitest";
import { databaseEngineOf, resolveDatabaseUrl } from "./database-url";

describe("DATABASE_URL", () => {
  it("chooses SQLite for file: URLs and PostgreSQL for postgresql:// and postgres:// URLs", () => {
    expect(databaseEngineOf("file:/srv/workbench.db")).toBe("sqlite");
    expect(databaseEngineOf("postgresql://workbench@db.example.org:5432/workbench")).toBe("postgresql");
    expect(databaseEngineOf("postgres://workbench@localhost/workbench")).toBe("postgresql");
  });

  it("makes a SQLite path absolute, keeps a PostgreSQL URL as given, and refuses anything else", () => {
    expect(resolveDatabaseUrl(undefined, "/srv/app")).toBe("file:/srv/app/data/workbench.db");
    expect(resolveDatabaseUrl("file:db/x.db", "/srv/app")).toBe("file:/srv/app/db/x.db");
    expect(resolveDatabaseUrl(" postgresql://u:p@h:5432/wb?sslmode=require ", "/srv/app")).toBe("postgresql://u:p@h:5432/wb?sslmode=require");
    expect(() => resolveDatabaseUrl("mysql://h/db")).toThrow(/"file:" URL or a "postgresql:\/\/" URL/);
  });
});
