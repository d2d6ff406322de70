#!/usr/bin/env python3
"""Takes the managed DLLs the package ships out of the NuGet restore, checked against manifest.tsv.

The closure is what NuGet resolved for netstandard2.1 (its netstandard2.1 asset where a package has one, else
netstandard2.0): the runtime's and the cloud providers' to Runtime/Plugins/Managed, what only the editor-only
authoring library adds to Editor/Plugins/Managed. A package NuGet resolves to no DLL (`_._`: the framework has it)
ships nothing. They are copied to STAGING/<folder> (.artifacts/managed-plugins), from where Tools~/VendorRename
writes the renamed copies the package ships (VoiceNpc.Vendor.NAME.dll).

  managed_plugins.py          copy; exit 1 if the restore differs from the manifest (new, missing, other bytes)
  managed_plugins.py update   rewrite the manifest from the restore (after changing a PackageReference)
"""
import hashlib
import json
import os
import shutil
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MANIFEST = os.path.join(os.path.dirname(__file__), "manifest.tsv")
STAGING = os.path.join(ROOT, ".artifacts", "managed-plugins")
HEADER = "# file\tfolder\tpackage\tversion\tasset\tsha256"
# (restored project, folder its DLLs go to); a DLL the runtime already ships is not copied again for the editor.
PROJECTS = [("VoiceNpc.Runtime", "Runtime/Plugins/Managed"), ("VoiceNpc.Cloud", "Runtime/Plugins/Managed"),
            ("VoiceNpc.Authoring", "Editor/Plugins/Managed")]


def fail(message):
    print(f"managed_plugins: {message}", file=sys.stderr)
    sys.exit(1)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def restored():
    """Every DLL of the closure, in project order: (file, folder, package, version, asset, path)."""
    seen, rows = set(), []
    for project, folder in PROJECTS:
        assets_file = os.path.join(ROOT, ".artifacts", "obj", project, "project.assets.json")
        if not os.path.isfile(assets_file):
            fail(f"{assets_file} is missing: restore first (dotnet build VoiceNpc.sln)")
        with open(assets_file) as f:
            assets = json.load(f)
        if list(assets["targets"]) != ["netstandard2.1"]:
            fail(f"{project} must target only netstandard2.1, found {list(assets['targets'])}")
        roots = assets["packageFolders"]
        for key, entry in sorted(assets["targets"]["netstandard2.1"].items()):
            if entry.get("type") != "package":
                continue
            package, version = key.split("/")
            for asset in entry.get("runtime", {}):
                if asset.endswith("/_._"):
                    continue
                file = os.path.basename(asset)
                if file in seen:
                    continue
                seen.add(file)
                path = next((os.path.join(r, assets["libraries"][key]["path"], asset) for r in roots
                             if os.path.isfile(os.path.join(r, assets["libraries"][key]["path"], asset))), None)
                if path is None:
                    fail(f"{key}: {asset} is not in the NuGet package folders {list(roots)}")
                rows.append((file, folder, package, version, asset, path))
    return rows


def read_manifest():
    with open(MANIFEST) as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    return {fields[0]: fields for fields in (line.split("\t") for line in lines)}


def update(rows):
    with open(MANIFEST, "w") as f:
        f.write(HEADER + "\n")
        for file, folder, package, version, asset, path in rows:
            f.write("\t".join([file, folder, package, version, asset, sha256(path)]) + "\n")
    print(f"managed_plugins: wrote {len(rows)} DLLs to {os.path.relpath(MANIFEST, ROOT)}")


def sync(rows):
    manifest = read_manifest()
    problems = []
    for file, folder, package, version, asset, path in rows:
        expected = manifest.pop(file, None)
        actual = [file, folder, package, version, asset, sha256(path)]
        if expected is None:
            problems.append(f"{package} {version} brings {file}, which the manifest does not list")
        elif expected != actual:
            problems.append(f"{file}: the manifest says {expected[1:]}, the restore has {actual[1:]}")
    problems += [f"{file} is in the manifest but no longer in the restore" for file in manifest]
    if problems:
        fail("the restore differs from Tools~/ManagedPlugins/manifest.tsv (review, then run it with `update`):\n  "
             + "\n  ".join(problems))
    for _, folder in PROJECTS:
        target = os.path.join(STAGING, folder)
        os.makedirs(target, exist_ok=True)
        for stale in os.listdir(target):
            if stale.endswith(".dll") and stale not in {r[0] for r in rows if r[1] == folder}:
                os.remove(os.path.join(target, stale))
    for file, folder, _, _, _, path in rows:
        shutil.copyfile(path, os.path.join(STAGING, folder, file))
    print(f"managed_plugins: {len(rows)} DLLs match the manifest and are in {os.path.relpath(STAGING, ROOT)}")


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "sync"
    if mode not in ("sync", "update"):
        fail(f"unknown command {mode!r} (sync or update)")
    (update if mode == "update" else sync)(restored())
