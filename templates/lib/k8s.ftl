<#-- Reusable fragments for Kubernetes YAML. Layout only: every decision is made in the plan. -->
<#-- How strings become YAML is decided in Java (YamlScalars), one rule for every generated file: -->
<#-- scalar: plain when every YAML reader (1.1 and 1.2) reads it back as the same string, else -->
<#-- double-quoted; q: always double-quoted; comment: text inside a comment, kept on its line. -->
<#function scalar value>
  <#return yamlScalar(value)>
</#function>
<#function q value>
  <#return yamlQuoted(value)>
</#function>
<#function comment value>
  <#return yamlComment(value)>
</#function>

<#-- A script shipped with the tool, as a block scalar indented by `indent` spaces. -->
<#macro script file indent>
<#assign text><#include "/scripts/" + file parse=false></#assign>
${text?trim?replace("(?m)^(?=.)", ""?left_pad(indent), "r")}
</#macro>

<#-- One container of a pod template, as a list item under containers/initContainers, its dash `indent` spaces deep. -->
<#macro container c indent>
<#local p = ""?left_pad(indent)>
${p}- name: ${scalar(c.name)}
${p}  image: ${scalar(c.image)}
<#if c.script.present>
<#assign s = c.script.get()>
${p}  command:
${p}    - /bin/sh
${p}    - -c
${p}    - |
<@script s.file indent + 6/>
${p}    - ${scalar(c.name)}
<#list s.arguments as argument>
${p}    - ${q(argument)}
</#list>
<#else>
${p}  args:
<#list c.args as argument>
${p}    - ${q(argument)}
</#list>
</#if>
<#if c.restartPolicy.present>
${p}  restartPolicy: ${scalar(c.restartPolicy.get())}
</#if>
<#if c.envFrom?has_content>
${p}  envFrom:
<#list c.envFrom as source>
${p}    - ${scalar(source.kind)}:
${p}        name: ${scalar(source.name)}
</#list>
</#if>
<#if c.ports?has_content>
${p}  ports:
<#list c.ports as port>
${p}    - name: ${scalar(port.name)}
${p}      containerPort: ${port.port?c}
${p}      protocol: TCP
</#list>
</#if>
<#if c.env?has_content>
${p}  env:
<#list c.env as variable>
${p}    - name: ${scalar(variable.name)}
${p}      value: ${q(variable.value)}
</#list>
</#if>
<#assign r = c.resources>
${p}  resources:
${p}    requests:
${p}      cpu: ${q(r.requestsCpu)}
${p}      memory: ${q(r.requestsMemory)}
${p}    limits:
${p}      cpu: ${q(r.limitsCpu)}
${p}      memory: ${q(r.limitsMemory)}
<#assign sc = c.securityContext>
${p}  securityContext:
${p}    runAsUser: ${sc.runAsUser?c}
${p}    runAsGroup: ${sc.runAsGroup?c}
${p}    runAsNonRoot: ${sc.runAsNonRoot?c}
${p}    allowPrivilegeEscalation: ${sc.allowPrivilegeEscalation()?c}
${p}    readOnlyRootFilesystem: ${sc.readOnlyRootFilesystem()?c}
${p}    capabilities:
${p}      drop:
<#list sc.dropCapabilities() as capability>
${p}        - ${scalar(capability)}
</#list>
<#if sc.addCapabilities?has_content>
${p}      add:
<#list sc.addCapabilities as capability>
${p}        - ${scalar(capability)}
</#list>
</#if>
${p}    seccompProfile:
${p}      type: ${scalar(sc.seccompProfile())}
<#if c.mounts?has_content>
${p}  volumeMounts:
<#list c.mounts as mount>
${p}    - name: ${scalar(mount.volume)}
${p}      mountPath: ${q(mount.path)}
<#if mount.readOnly>
${p}      readOnly: true
</#if>
</#list>
</#if>
</#macro>

<#-- One pod volume, as a list item under volumes, its dash `indent` spaces deep. -->
<#macro volume v indent>
<#local p = ""?left_pad(indent)>
${p}- name: ${scalar(v.name)}
<#if v.configMap.present>
${p}  configMap:
${p}    name: ${scalar(v.configMap.get())}
<#else>
${p}  emptyDir: {}
</#if>
</#macro>
