<#import "/lib/k8s.ftl" as k>
# vixens-ls in GitHub Actions, written by `vixens-ls setup --ci github`; yours from now on.
# Fails when committed manifests are stale or a Litestream config has an error, and uploads the lint findings
# to code scanning. vixens-ls is built from its repository at the pinned revision (keep it in step with
# requires: in .vixens-ls.yaml); Maven and its downloads are cached per revision.
name: vixens-ls
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
env:
  VIXENS_LS_REPOSITORY: ${k.scalar(setup.toolRepository)}
  VIXENS_LS_REF: ${k.scalar(setup.rev)}
jobs:
  vixens-ls:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
          java-version: "17"
      - uses: actions/cache@v4
        with:
          path: |
            ~/.m2/repository
            ~/.m2/wrapper
          key: vixens-ls-${r"${{ env.VIXENS_LS_REF }}"}
      - name: Build vixens-ls
        run: |
          git init -q "$RUNNER_TEMP/vixens-ls"
          git -C "$RUNNER_TEMP/vixens-ls" fetch -q --depth 1 "$VIXENS_LS_REPOSITORY" "$VIXENS_LS_REF"
          git -C "$RUNNER_TEMP/vixens-ls" checkout -q FETCH_HEAD
          "$RUNNER_TEMP/vixens-ls/scripts/vixens-ls" --version
      - name: Generated manifests are current
        run: |
          "$RUNNER_TEMP/vixens-ls/scripts/vixens-ls" check --all
      - name: Lint the Litestream configs
        run: |
          "$RUNNER_TEMP/vixens-ls/scripts/vixens-ls" lint --format sarif <#list setup.appDirs as dir>${dir}<#sep> </#list> > vixens-ls.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: vixens-ls.sarif
          category: vixens-ls
