<#import "/lib/k8s.ftl" as k>
# vixens-ls in GitLab CI, written by `vixens-ls setup --ci gitlab`; yours from now on.
# Fails when committed manifests are stale or a Litestream config has an error, and keeps the lint findings
# (SARIF) as an artifact. vixens-ls is built from its repository at the pinned revision (keep it in step with
# requires: in .vixens-ls.yaml); Maven and its downloads are cached per revision.
vixens-ls:
  image: eclipse-temurin:17-jdk
  variables:
    VIXENS_LS_REPOSITORY: ${k.scalar(setup.toolRepository)}
    VIXENS_LS_REF: ${k.scalar(setup.rev)}
    MAVEN_USER_HOME: $CI_PROJECT_DIR/.m2
    MAVEN_OPTS: -Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository
  cache:
    key: vixens-ls-$VIXENS_LS_REF
    paths:
      - .m2/repository
      - .m2/wrapper
  before_script:
    - command -v git >/dev/null || (apt-get update -qq && apt-get install -y -qq git >/dev/null)
    - git init -q /tmp/vixens-ls
    - git -C /tmp/vixens-ls fetch -q --depth 1 "$VIXENS_LS_REPOSITORY" "$VIXENS_LS_REF"
    - git -C /tmp/vixens-ls checkout -q FETCH_HEAD
    - /tmp/vixens-ls/scripts/vixens-ls --version
  script:
    - /tmp/vixens-ls/scripts/vixens-ls check --all
    - /tmp/vixens-ls/scripts/vixens-ls lint --format sarif <#list setup.appDirs as dir>${dir}<#sep> </#list> > vixens-ls.sarif
  artifacts:
    when: always
    expose_as: vixens-ls lint
    paths:
      - vixens-ls.sarif
