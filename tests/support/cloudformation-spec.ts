/**
 * Checks a CloudFormation template against the resource specification
 * that ships with `@aws-cdk/aws-service-spec`, offline: every resource type
 * exists, every property is one the type declares (nested types included),
 * every required property is set, and every `Fn::GetAtt` names an
 * attribute the type has. Values that are intrinsic functions are only
 * known at deploy time and are not looked into.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type {
  Property,
  PropertyType,
  Resource,
} from '@aws-cdk/service-spec-types';

/** One resource of a template, as `sls package` writes it. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  [attribute: string]: unknown;
}

/** The parts of a template these checks read. */
export interface Template {
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown }>;
}

type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;

/** `{Ref: ...}`, `{'Fn::...': ...}`: resolved by CloudFormation only. */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);

  return (
    keys.length === 1 &&
    (keys[0] === 'Ref' || keys[0] === 'Condition' || /^Fn::/.test(keys[0]!))
  );
}

function isCustomResource(type: string): boolean {
  return (
    type.startsWith('Custom::') ||
    type === 'AWS::CloudFormation::CustomResource'
  );
}

/** The template checker, with the specification loaded once. */
export class CloudFormationSpec {
  private readonly db: SpecDatabase = loadAwsServiceSpecSync();

  /** The specification of `type`, if CloudFormation has it. */
  resourceType(type: string): Resource | undefined {
    const lookup = isCustomResource(type)
      ? 'AWS::CloudFormation::CustomResource'
      : type;

    return this.db.lookup(
      'resource',
      'cloudFormationType',
      'equals',
      lookup,
    )[0];
  }

  /** Problems with each resource's type and properties, as sentences. */
  propertyProblems(template: Template): string[] {
    return Object.entries(template.Resources).flatMap(([id, resource]) => {
      const spec = this.resourceType(resource.Type);
      if (spec === undefined) return [`${id}: unknown type ${resource.Type}`];

      return this.objectProblems(
        `${id}.Properties`,
        resource.Properties ?? {},
        spec.properties,
        { openEnded: isCustomResource(resource.Type) },
      );
    });
  }

  /** `Fn::GetAtt` and `Fn::Sub` references to missing resources or attributes. */
  attributeProblems(template: Template): string[] {
    return references(template).flatMap(({ where, resource, attribute }) => {
      const target = template.Resources[resource];
      if (target === undefined) return [`${where}: no resource ${resource}`];
      const spec = this.resourceType(target.Type);
      if (isCustomResource(target.Type) || spec === undefined) return [];

      return attribute in spec.attributes
        ? []
        : [`${where}: ${target.Type} has no attribute ${attribute}`];
    });
  }

  private objectProblems(
    where: string,
    value: Record<string, unknown>,
    properties: Record<string, Property>,
    { openEnded = false } = {},
  ): string[] {
    const unknown = openEnded
      ? []
      : Object.keys(value)
          .filter((name) => !(name in properties))
          .map((name) => `${where}.${name} is not a property`);
    const missing = Object.entries(properties)
      .filter(
        ([name, property]) => property.required === true && !(name in value),
      )
      .map(([name]) => `${where}.${name} is required`);
    const nested = Object.entries(value).flatMap(([name, item]) => {
      const property = properties[name];

      return property === undefined
        ? []
        : this.valueProblems(`${where}.${name}`, item, property.type);
    });

    return [...unknown, ...missing, ...nested];
  }

  private valueProblems(
    where: string,
    value: unknown,
    type: PropertyType,
  ): string[] {
    if (isIntrinsic(value)) return [];
    switch (type.type) {
      case 'ref': {
        if (
          typeof value !== 'object' ||
          value === null ||
          Array.isArray(value)
        ) {
          return [`${where} should be an object`];
        }
        const definition = this.db.get('typeDefinition', type.reference);

        return this.objectProblems(
          where,
          value as Record<string, unknown>,
          definition.properties,
        );
      }
      case 'array':
        return Array.isArray(value)
          ? value.flatMap((item, index) =>
              this.valueProblems(`${where}[${index}]`, item, type.element),
            )
          : [`${where} should be a list`];
      case 'map':
        return typeof value === 'object' && value !== null
          ? Object.entries(value).flatMap(([key, item]) =>
              this.valueProblems(`${where}.${key}`, item, type.element),
            )
          : [`${where} should be a map`];
      case 'union':
        return this.unionProblems(where, value, type.types);
      default:
        return [];
    }
  }

  /** A union is satisfied by any one of its types. */
  private unionProblems(
    where: string,
    value: unknown,
    types: PropertyType[],
  ): string[] {
    const attempts = types.map((type) =>
      this.valueProblems(where, value, type),
    );
    if (attempts.some((problems) => problems.length === 0)) return [];

    return attempts[0] ?? [];
  }
}

/** One `Fn::GetAtt` (or `${X.Y}` in `Fn::Sub`) found in the template. */
interface AttributeReference {
  where: string;
  resource: string;
  attribute: string;
}

/** Every attribute reference in the template's resources and outputs. */
export function references(template: Template): AttributeReference[] {
  const found: AttributeReference[] = [];
  const visit = (where: string, value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(`${where}[${index}]`, item);
      });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    found.push(...getAttReferences(where, record['Fn::GetAtt']));
    found.push(...subReferences(where, record['Fn::Sub']));
    for (const [key, item] of Object.entries(record))
      visit(`${where}.${key}`, item);
  };
  visit('Resources', template.Resources);
  visit('Outputs', template.Outputs ?? {});

  return found;
}

function getAttReferences(
  where: string,
  getAtt: unknown,
): AttributeReference[] {
  if (!Array.isArray(getAtt)) return [];
  const [resource, attribute] = getAtt as unknown[];

  return typeof resource === 'string' && typeof attribute === 'string'
    ? [{ where, resource, attribute }]
    : [];
}

/** `${Resource.Attribute}` in a `Fn::Sub` text; `${AWS::...}` is not one. */
function subReferences(where: string, sub: unknown): AttributeReference[] {
  const text = Array.isArray(sub) ? (sub as unknown[])[0] : sub;
  if (typeof text !== 'string') return [];

  return [...text.matchAll(/\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}/g)].map(
    (match) => ({ where, resource: match[1]!, attribute: match[2]! }),
  );
}
