<#import "/lib/k8s.ftl" as k>
# pre-commit (https://pre-commit.com) hooks, written by `vixens-ls setup`; yours from now on.
# `pre-commit install` once per clone wires them to `git commit`.
repos:
  - repo: ${k.scalar(setup.toolRepository)}
    rev: ${k.scalar(setup.rev)}   # keep in step with requires: in .vixens-ls.yaml
    hooks:
<#if setup.hookSuffix?has_content>
      # run the vixens-ls on PATH (an installed release); nothing is built
<#else>
      # build vixens-ls from that revision through its Maven Wrapper (needs a JDK 17+, once per revision)
</#if>
      - id: vixens-ls-check${setup.hookSuffix}   # generated manifests are current
      - id: vixens-ls-lint${setup.hookSuffix}    # Litestream configs are read as written
        args: [<#list setup.appDirs as dir>${k.scalar(dir)}<#sep>, </#list>]
